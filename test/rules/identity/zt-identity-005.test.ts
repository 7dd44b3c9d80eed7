import { runCases } from '../helpers';
import { cases } from '../cases/zt-identity-005';

runCases(cases);
