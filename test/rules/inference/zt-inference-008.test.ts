import { runCases } from '../helpers';
import { cases } from '../cases/zt-inference-008';

runCases(cases);
