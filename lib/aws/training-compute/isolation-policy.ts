import { INSTANCE_STORE_FAMILIES } from '../../../policies/rules/shared/instance-store';
/**
 * The preventive isolation policy: explicit denies that make SageMaker refuse any job, model,
 * notebook or Studio request that would run outside the platform's network, unencrypted, without
 * network isolation or on a non-approved instance type.
 *
 * Training jobs are API calls, not CloudFormation resources, so a template scan cannot see them;
 * IAM can. The document is plain JSON (no CDK types), so the same statements serve as a managed
 * policy, inside a permissions boundary, or as an SCP.
 *
 * Condition keys are the ones the Service Authorization Reference lists for each action (a test
 * checks every statement against that list). Two facts shape the statements:
 * - There is no `sagemaker:MaxInstanceCount` key: IAM cannot cap a job's instance count. The cap is
 *   the account's SageMaker service quota per instance type (and the Azure cluster's max nodes).
 * - `sagemaker:VolumeKmsKey` / `sagemaker:OutputKmsKey` are deprecated and no longer listed for
 *   CreateTrainingJob; their replacements `sagemaker:VolumeKmsKeyArn` / `sagemaker:OutputKmsKeyArn`
 *   are used. Requests must therefore name keys by ARN (not alias or key ID).
 *
 * Operators: each statement is one reason to deny, so a request is refused when ANY holds.
 * Multi-valued keys (subnets, security groups, instance types) use `ForAnyValue:StringNotEquals`
 * (deny if any value is outside the list) plus a `Null` statement (deny if the key is absent,
 * because a set operator on an absent key matches nothing). Single-valued keys use the
 * `...IfExists` negations, which deny both a wrong value and an absent one (on create), or a
 * negation plus `Null: false` (on update, where an absent key means "unchanged").
 */

export interface IsolationPolicyInputs {
  /** Subnet IDs jobs must run in. */
  readonly subnetIds: readonly string[];
  /** Security group IDs jobs must use. */
  readonly securityGroupIds: readonly string[];
  /** KMS key ARNs accepted for ML storage volumes. */
  readonly volumeKmsKeyArns: readonly string[];
  /** KMS key ARNs accepted for job outputs. */
  readonly outputKmsKeyArns: readonly string[];
  /** Instance types for training, processing and tuning jobs (the approved GPU types). */
  readonly trainingInstanceTypes: readonly string[];
  /** Instance types for notebook instances and Studio apps / spaces. */
  readonly notebookInstanceTypes: readonly string[];
}

export interface IamStatement {
  readonly Sid: string;
  readonly Effect: 'Deny';
  readonly Action: string[];
  readonly Resource: '*';
  readonly Condition: Record<string, Record<string, string | string[]>>;
}

export interface IamPolicyJson {
  readonly Version: '2012-10-17';
  readonly Statement: IamStatement[];
}

const sm = (...names: string[]) => names.map((n) => `sagemaker:${n}`);

/** Jobs that launch training-like compute: every network, encryption and isolation key applies. */
export const JOB_ACTIONS = sm('CreateTrainingJob', 'CreateProcessingJob', 'CreateHyperParameterTuningJob');
/** Model-monitoring jobs: processing containers with the same keys (instance types left free: CPU). */
export const MONITORING_ACTIONS = sm(
  'CreateDataQualityJobDefinition',
  'CreateModelBiasJobDefinition',
  'CreateModelExplainabilityJobDefinition',
  'CreateModelQualityJobDefinition',
  'CreateMonitoringSchedule',
);
/** AutoML trains models too; it has the VPC, encryption and KMS keys but no isolation key. */
export const AUTOML_ACTIONS = sm('CreateAutoMLJob', 'CreateAutoMLJobV2');
export const MODEL_ACTIONS = sm('CreateModel');
export const NOTEBOOK_CREATE = sm('CreateNotebookInstance');
export const NOTEBOOK_UPDATE = sm('UpdateNotebookInstance');
export const DOMAIN_CREATE = sm('CreateDomain');
export const DOMAIN_UPDATE = sm('UpdateDomain');
export const STUDIO_APP_ACTIONS = sm('CreateApp', 'CreateSpace', 'UpdateSpace');
/** HyperPod clusters: GPU fleets in a VPC. */
export const CLUSTER_CREATE = sm('CreateCluster');
export const CLUSTER_UPDATE = sm('UpdateCluster');

/** Actions of the "jobs" document; every other action goes to the "workspaces" document. */
export const JOBS_DOCUMENT_ACTIONS: readonly string[] = [
  ...JOB_ACTIONS,
  ...MONITORING_ACTIONS,
  ...AUTOML_ACTIONS,
  ...MODEL_ACTIONS,
];

/**
 * The policy as two documents, each within the 6,144-character managed-policy limit: jobs and
 * models (what training-network subnets and keys gate), and notebooks / Studio / HyperPod. Attach
 * both; as SCPs (5,120 characters each) they fit for a few subnets and keys.
 */
export function splitIsolationPolicy(doc: IamPolicyJson): { jobs: IamPolicyJson; workspaces: IamPolicyJson } {
  const part = (keep: (action: string) => boolean): IamPolicyJson => ({
    Version: doc.Version,
    Statement: doc.Statement.map((st) => ({ ...st, Action: st.Action.filter(keep) })).filter(
      (st) => st.Action.length > 0,
    ),
  });
  return {
    jobs: part((a) => JOBS_DOCUMENT_ACTIONS.includes(a)),
    workspaces: part((a) => !JOBS_DOCUMENT_ACTIONS.includes(a)),
  };
}

function deny(Sid: string, Action: string[], Condition: IamStatement['Condition']): IamStatement {
  return { Sid, Effect: 'Deny', Action, Resource: '*', Condition };
}

/** Builds the deny-only policy document. Values may be CDK tokens; the JSON shape does not change. */
export function buildIsolationPolicy(i: IsolationPolicyInputs): IamPolicyJson {
  const vpcRequired = [...JOB_ACTIONS, ...MONITORING_ACTIONS, ...AUTOML_ACTIONS, ...MODEL_ACTIONS];
  const vpcCreate = [...vpcRequired, ...NOTEBOOK_CREATE, ...DOMAIN_CREATE, ...CLUSTER_CREATE];
  const vpcAny = [...vpcCreate, ...DOMAIN_UPDATE, ...CLUSTER_UPDATE];
  const isolated = [...JOB_ACTIONS, ...MONITORING_ACTIONS, ...MODEL_ACTIONS];
  const encryptedTraffic = [...JOB_ACTIONS, ...MONITORING_ACTIONS, ...AUTOML_ACTIONS];
  const volumeKey = [...JOB_ACTIONS, ...MONITORING_ACTIONS, ...AUTOML_ACTIONS, ...NOTEBOOK_CREATE, ...DOMAIN_CREATE];
  const outputKey = [...JOB_ACTIONS, ...MONITORING_ACTIONS, ...AUTOML_ACTIONS];
  const subnets = [...i.subnetIds];
  const groups = [...i.securityGroupIds];
  return {
    Version: '2012-10-17',
    Statement: [
      deny('DenyWithoutVpcSubnets', vpcCreate, { Null: { 'sagemaker:VpcSubnets': 'true' } }),
      deny('DenyWithoutVpcSecurityGroups', vpcCreate, { Null: { 'sagemaker:VpcSecurityGroupIds': 'true' } }),
      deny('DenyOtherSubnets', vpcAny, { 'ForAnyValue:StringNotEquals': { 'sagemaker:VpcSubnets': subnets } }),
      deny('DenyOtherSecurityGroups', [...vpcAny, ...sm('CreateUserProfile', 'UpdateUserProfile')], {
        'ForAnyValue:StringNotEquals': { 'sagemaker:VpcSecurityGroupIds': groups },
      }),
      deny('DenyWithoutNetworkIsolation', isolated, { BoolIfExists: { 'sagemaker:NetworkIsolation': 'false' } }),
      deny('DenyWithoutInterContainerEncryption', encryptedTraffic, {
        BoolIfExists: { 'sagemaker:InterContainerTrafficEncryption': 'false' },
      }),
      // A volume key, when given, must be the platform's. None is accepted only on instance types with
      // local NVMe storage (hardware-encrypted; SageMaker refuses a VolumeKmsKeyId there).
      deny('DenyOtherVolumeKeys', volumeKey, {
        ArnNotEquals: { 'sagemaker:VolumeKmsKeyArn': [...i.volumeKmsKeyArns] },
        Null: { 'sagemaker:VolumeKmsKeyArn': 'false' },
      }),
      deny('DenyWithoutVolumeKey', [...JOB_ACTIONS, ...MONITORING_ACTIONS], {
        Null: { 'sagemaker:VolumeKmsKeyArn': 'true' },
        'ForAnyValue:StringNotLike': { 'sagemaker:InstanceTypes': INSTANCE_STORE_FAMILIES.map((f) => `ml.${f}.*`) },
      }),
      // AutoML picks its own instances (no InstanceTypes key), notebooks and domains use EBS: always a key.
      deny('DenyWithoutVolumeKeyAlways', [...AUTOML_ACTIONS, ...NOTEBOOK_CREATE, ...DOMAIN_CREATE], {
        Null: { 'sagemaker:VolumeKmsKeyArn': 'true' },
      }),
      deny('DenyOtherOutputKeys', outputKey, {
        ArnNotEqualsIfExists: { 'sagemaker:OutputKmsKeyArn': [...i.outputKmsKeyArns] },
      }),
      deny('DenyWithoutInstanceTypes', JOB_ACTIONS, { Null: { 'sagemaker:InstanceTypes': 'true' } }),
      deny('DenyOtherTrainingInstanceTypes', [...JOB_ACTIONS, ...CLUSTER_CREATE, ...CLUSTER_UPDATE], {
        'ForAnyValue:StringNotEquals': { 'sagemaker:InstanceTypes': [...i.trainingInstanceTypes] },
      }),
      deny('DenyOtherNotebookInstanceTypes', [...NOTEBOOK_CREATE, ...NOTEBOOK_UPDATE, ...STUDIO_APP_ACTIONS], {
        'ForAnyValue:StringNotEquals': { 'sagemaker:InstanceTypes': [...i.notebookInstanceTypes] },
      }),
      deny('DenyNotebookDirectInternet', NOTEBOOK_CREATE, {
        StringNotEqualsIfExists: { 'sagemaker:DirectInternetAccess': 'Disabled' },
      }),
      deny('DenyNotebookRootAccess', NOTEBOOK_CREATE, {
        StringNotEqualsIfExists: { 'sagemaker:RootAccess': 'Disabled' },
      }),
      // Updates that leave a setting alone must stay possible: only a new, wrong value is denied
      // (a negated operator alone would also match the absent key).
      deny('DenyNotebookRootAccessOnUpdate', NOTEBOOK_UPDATE, {
        StringNotEquals: { 'sagemaker:RootAccess': 'Disabled' },
        Null: { 'sagemaker:RootAccess': 'false' },
      }),
      deny('DenyNotebookImdsV1', NOTEBOOK_CREATE, {
        StringNotEqualsIfExists: { 'sagemaker:MinimumInstanceMetadataServiceVersion': '2' },
      }),
      deny('DenyStudioOutsideVpc', DOMAIN_CREATE, {
        StringNotEqualsIfExists: { 'sagemaker:AppNetworkAccessType': 'VpcOnly' },
      }),
      deny('DenyStudioLeavingVpc', DOMAIN_UPDATE, {
        StringNotEquals: { 'sagemaker:AppNetworkAccessType': 'VpcOnly' },
        Null: { 'sagemaker:AppNetworkAccessType': 'false' },
      }),
    ],
  };
}
