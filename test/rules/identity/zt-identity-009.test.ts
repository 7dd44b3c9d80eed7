import { runCases } from '../helpers';
import { cases } from '../cases/zt-identity-009';

runCases(cases);
