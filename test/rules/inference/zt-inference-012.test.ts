import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-012';

runCases(cases);
