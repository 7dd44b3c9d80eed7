import { runCases } from '../helpers';
import { cases } from '../cases/zt-identity-007';

runCases(cases);
