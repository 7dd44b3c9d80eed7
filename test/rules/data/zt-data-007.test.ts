import { runCases } from '../helpers';
import { cases } from '../cases/zt-data-007';

runCases(cases);
