import { runCases } from '../helpers';
import { cases } from '../cases/zt-data-010';

runCases(cases);
