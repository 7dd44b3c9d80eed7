import { runCases } from '../helpers';
import { cases } from '../cases/zt-identity-008';

runCases(cases);
