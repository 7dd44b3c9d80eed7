import { runCases } from '../helpers';
import { cases } from '../cases/zt-identity-001';

runCases(cases);
