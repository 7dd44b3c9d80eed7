import { runCases } from '../helpers';
import { cases } from '../cases/zt-monitoring-004';

runCases(cases);
