import { runCases } from '../helpers';
import { cases } from '../cases/zt-model-001';

runCases(cases);
