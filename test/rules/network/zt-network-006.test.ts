import { runCases } from '../helpers';
import { cases } from '../cases/zt-network-006';

runCases(cases);
