import { runCases } from '../helpers';
import { cases } from '../cases/zt-network-002';

runCases(cases);
