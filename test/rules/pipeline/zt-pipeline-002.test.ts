import { runCases } from '../helpers';
import { cases } from '../cases/zt-pipeline-002';

runCases(cases);
