import { runCases } from '../helpers';
import { cases } from '../cases/zt-identity-006';

runCases(cases);
