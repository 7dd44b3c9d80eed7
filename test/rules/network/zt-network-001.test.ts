import { runCases } from '../helpers';
import { cases } from '../cases/zt-network-001';

runCases(cases);
