import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-005';

runCases(cases);
