import { runCases } from '../helpers';
import { cases } from '../cases/zt-data-002';

runCases(cases);
