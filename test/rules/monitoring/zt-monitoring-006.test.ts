import { runCases } from '../helpers';
import { cases } from '../cases/zt-monitoring-006';

runCases(cases);
