import { runCases } from '../helpers';
import { cases } from '../cases/zt-model-003';

runCases(cases);
