import { runCases } from '../helpers';
import { cases } from '../cases/zt-data-009';

runCases(cases);
