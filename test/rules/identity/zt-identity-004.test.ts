import { runCases } from '../helpers';
import { cases } from '../cases/zt-identity-004';

runCases(cases);
