import { runCases } from '../helpers';
import { cases } from '../cases/zt-network-004';

runCases(cases);
