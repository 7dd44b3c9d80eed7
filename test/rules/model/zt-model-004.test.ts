import { runCases } from '../helpers';
import { cases } from '../cases/zt-model-004';

runCases(cases);
