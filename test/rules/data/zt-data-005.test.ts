import { runCases } from '../helpers';
import { cases } from '../cases/zt-data-005';

runCases(cases);
