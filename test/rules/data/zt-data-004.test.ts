import { runCases } from '../helpers';
import { cases } from '../cases/zt-data-004';

runCases(cases);
