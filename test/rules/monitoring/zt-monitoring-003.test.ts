import { runCases } from '../helpers';
import { cases } from '../cases/zt-monitoring-003';

runCases(cases);
