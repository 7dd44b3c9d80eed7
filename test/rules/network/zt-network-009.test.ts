import { runCases } from '../helpers';
import { cases } from '../cases/zt-network-009';

runCases(cases);
