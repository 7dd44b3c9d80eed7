import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-004';

runCases(cases);
