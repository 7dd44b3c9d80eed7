import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-010';

runCases(cases);
