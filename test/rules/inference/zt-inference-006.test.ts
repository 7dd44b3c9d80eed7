import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-006';

runCases(cases);
