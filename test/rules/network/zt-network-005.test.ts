import { runCases } from '../helpers';
import { cases } from '../cases/zt-network-005';

runCases(cases);
