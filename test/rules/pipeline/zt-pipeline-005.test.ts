import { runCases } from '../helpers';
import { cases } from '../cases/zt-pipeline-005';

runCases(cases);
