import { runCases } from '../helpers';
import { cases } from '../cases/zt-monitoring-001';

runCases(cases);
