import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-002';

runCases(cases);
