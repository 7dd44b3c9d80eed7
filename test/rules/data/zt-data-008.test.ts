import { runCases } from '../helpers';
import { cases } from '../cases/zt-data-008';

runCases(cases);
