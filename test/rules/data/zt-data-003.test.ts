import { runCases } from '../helpers';
import { cases } from '../cases/zt-data-003';

runCases(cases);
