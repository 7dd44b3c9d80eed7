import type { RuleCases } from './helpers';
import { cases as data001 } from './cases/zt-data-001';
import { cases as data002 } from './cases/zt-data-002';
import { cases as data003 } from './cases/zt-data-003';
import { cases as data004 } from './cases/zt-data-004';
import { cases as data005 } from './cases/zt-data-005';
import { cases as data006 } from './cases/zt-data-006';
import { cases as data007 } from './cases/zt-data-007';
import { cases as data008 } from './cases/zt-data-008';
import { cases as data009 } from './cases/zt-data-009';
import { cases as data010 } from './cases/zt-data-010';
import { cases as data011 } from './cases/zt-data-011';
import { cases as identity001 } from './cases/zt-identity-001';
import { cases as identity002 } from './cases/zt-identity-002';
import { cases as model002 } from './cases/zt-model-002';
import { cases as model003 } from './cases/zt-model-003';
import { cases as model004 } from './cases/zt-model-004';
import { cases as model005 } from './cases/zt-model-005';
import { cases as network001 } from './cases/zt-network-001';
import { cases as network002 } from './cases/zt-network-002';
import { cases as network003 } from './cases/zt-network-003';
import { cases as network004 } from './cases/zt-network-004';
import { cases as network005 } from './cases/zt-network-005';
import { cases as network006 } from './cases/zt-network-006';
import { cases as pipeline001 } from './cases/zt-pipeline-001';

/** Every rule's case table, for the coverage test. */
export const ALL_CASES: readonly RuleCases[] = [
  data001,
  data002,
  data003,
  data004,
  data005,
  data006,
  data007,
  data008,
  data009,
  data010,
  data011,
  identity001,
  identity002,
  model002,
  model003,
  model004,
  model005,
  network001,
  network002,
  network003,
  network004,
  network005,
  network006,
  pipeline001,
];
