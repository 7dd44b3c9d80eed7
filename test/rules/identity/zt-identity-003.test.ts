import { runCases } from '../helpers';
import { cases } from '../cases/zt-identity-003';

runCases(cases);
