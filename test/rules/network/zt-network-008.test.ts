import { runCases } from '../helpers';
import { cases } from '../cases/zt-network-008';

runCases(cases);
