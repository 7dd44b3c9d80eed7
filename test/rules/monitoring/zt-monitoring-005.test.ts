import { runCases } from '../helpers';
import { cases } from '../cases/zt-monitoring-005';

runCases(cases);
