import { cfnRetained, tfPreventDestroy } from '../../shared/deletion';
import type { StoreChecks } from './store-checks';

/** EBS volumes: ZT-DATA-001 already judges their key (in the rule file); here only what survives a stack delete. */
export const ebsChecks: StoreChecks = {
  retain: { 'AWS::EC2::Volume': cfnRetained('AWS::EC2::Volume'), aws_ebs_volume: tfPreventDestroy },
};
