import { runCases } from '../helpers';
import { cases } from '../cases/zt-model-005';

runCases(cases);
