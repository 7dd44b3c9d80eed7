import { runCases } from '../helpers';
import { cases } from '../cases/zt-model-002';

runCases(cases);
