import { PolicyPack } from '@pulumi/policy';
import { zeroTrustPolicies } from '@zt-ai/blueprint/pulumi';

// The pack program Pulumi runs (`pulumi preview --policy-pack <this folder>`). Constructing a
// PolicyPack starts Pulumi's policy gRPC server, so tests call the policies directly instead.
new PolicyPack('zero-trust', { policies: zeroTrustPolicies() });
