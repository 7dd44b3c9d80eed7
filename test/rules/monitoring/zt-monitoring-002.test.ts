import { runCases } from '../helpers';
import { cases } from '../cases/zt-monitoring-002';

runCases(cases);
