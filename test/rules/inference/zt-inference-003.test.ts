import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-003';

runCases(cases);
