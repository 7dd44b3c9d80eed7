import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-011';

runCases(cases);
