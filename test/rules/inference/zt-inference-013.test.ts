import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-013';

runCases(cases);
