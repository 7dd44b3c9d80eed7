import { runCases } from '../helpers';
import { cases } from '../cases/zt-data-011';

runCases(cases);
