import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-014';

runCases(cases);
