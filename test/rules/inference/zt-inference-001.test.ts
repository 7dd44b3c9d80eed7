import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-001';

runCases(cases);
