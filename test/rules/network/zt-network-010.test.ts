import { runCases } from '../helpers';
import { cases } from '../cases/zt-network-010';

runCases(cases);
