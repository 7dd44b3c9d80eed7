import { runCases } from '../helpers';
import { cases } from '../cases/zt-data-006';

runCases(cases);
