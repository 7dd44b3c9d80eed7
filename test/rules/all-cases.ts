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
import { cases as inference001 } from './cases/zt-inference-001';
import { cases as inference002 } from './cases/zt-inference-002';
import { cases as inference003 } from './cases/zt-inference-003';
import { cases as inference004 } from './cases/zt-inference-004';
import { cases as inference005 } from './cases/zt-inference-005';
import { cases as inference006 } from './cases/zt-inference-006';
import { cases as inference007 } from './cases/zt-inference-007';
import { cases as inference008 } from './cases/zt-inference-008';
import { cases as inference009 } from './cases/zt-inference-009';
import { cases as inference010 } from './cases/zt-inference-010';
import { cases as inference011 } from './cases/zt-inference-011';
import { cases as inference012 } from './cases/zt-inference-012';
import { cases as inference013 } from './cases/zt-inference-013';
import { cases as inference014 } from './cases/zt-inference-014';
import { cases as identity001 } from './cases/zt-identity-001';
import { cases as identity002 } from './cases/zt-identity-002';
import { cases as identity003 } from './cases/zt-identity-003';
import { cases as identity004 } from './cases/zt-identity-004';
import { cases as identity005 } from './cases/zt-identity-005';
import { cases as identity006 } from './cases/zt-identity-006';
import { cases as identity007 } from './cases/zt-identity-007';
import { cases as identity008 } from './cases/zt-identity-008';
import { cases as identity009 } from './cases/zt-identity-009';
import { cases as model001 } from './cases/zt-model-001';
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
import { cases as network007 } from './cases/zt-network-007';
import { cases as network008 } from './cases/zt-network-008';
import { cases as network009 } from './cases/zt-network-009';
import { cases as network010 } from './cases/zt-network-010';
import { cases as pipeline001 } from './cases/zt-pipeline-001';
import { cases as pipeline002 } from './cases/zt-pipeline-002';
import { cases as pipeline003 } from './cases/zt-pipeline-003';
import { cases as pipeline004 } from './cases/zt-pipeline-004';
import { cases as pipeline005 } from './cases/zt-pipeline-005';
import { cases as monitoring001 } from './cases/zt-monitoring-001';
import { cases as monitoring002 } from './cases/zt-monitoring-002';
import { cases as monitoring003 } from './cases/zt-monitoring-003';
import { cases as monitoring004 } from './cases/zt-monitoring-004';
import { cases as monitoring005 } from './cases/zt-monitoring-005';
import { cases as monitoring006 } from './cases/zt-monitoring-006';
import { cases as monitoring007 } from './cases/zt-monitoring-007';

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
  inference001,
  inference002,
  inference003,
  inference004,
  inference005,
  inference006,
  inference007,
  inference008,
  inference009,
  inference010,
  inference011,
  inference012,
  inference013,
  inference014,
  identity001,
  identity002,
  identity003,
  identity004,
  identity005,
  identity006,
  identity007,
  identity008,
  identity009,
  model001,
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
  network007,
  network008,
  network009,
  network010,
  pipeline001,
  pipeline002,
  pipeline003,
  pipeline004,
  pipeline005,
  monitoring001,
  monitoring002,
  monitoring003,
  monitoring004,
  monitoring005,
  monitoring006,
  monitoring007,
];
