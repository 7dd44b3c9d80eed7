import { runCases } from '../helpers';
import { cases } from '../cases/zt-monitoring-007';

runCases(cases);
