import { runCases } from '../helpers';
import { cases } from '../cases/zt-network-007';

runCases(cases);
