import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-009';

runCases(cases);
