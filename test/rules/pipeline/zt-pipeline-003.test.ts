import { runCases } from '../helpers';
import { cases } from '../cases/zt-pipeline-003';

runCases(cases);
