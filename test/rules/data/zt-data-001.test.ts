import { runCases } from '../helpers';
import { cases } from '../cases/zt-data-001';

runCases(cases);
