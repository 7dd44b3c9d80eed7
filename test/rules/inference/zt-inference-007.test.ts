import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-007';

runCases(cases);
