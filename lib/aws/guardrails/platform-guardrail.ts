import { createHash } from 'crypto';
import { Aws } from 'aws-cdk-lib';
import * as bedrock from 'aws-cdk-lib/aws-bedrock';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { DEFAULT_GUARDRAIL, type GuardrailSettings, validateGuardrailSettings } from '../../core/guardrail';
import { validateName } from '../../core/validate';
import { guardrailPolicyBlocks } from './guardrail-policies';

export interface PlatformGuardrailProps {
  /** Filters, PII, topics, words, grounding; merged onto DEFAULT_GUARDRAIL. */
  readonly settings?: Partial<GuardrailSettings>;
  /** Customer-managed key encrypting the guardrail's configuration. */
  readonly key: kms.IKey;
  readonly project: string;
  readonly environment: string;
}

/** Model invocation actions that accept (and so can be forced to carry) a guardrail; Converse and
 * ConverseStream are authorized as these two. */
export const GUARDED_INVOKE_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];

/**
 * A Bedrock guardrail and a published version of it.
 *
 * - prompt-attack filter on the prompt; hate, insults, sexual, violence and misconduct filters on
 *   prompt and completion; PII anonymized or blocked per entity; optional denied topics, word lists
 *   (managed profanity on by default) and contextual grounding; encrypted with the platform key;
 * - the version's logical id and description carry a hash of the configuration, so any change to
 *   it publishes a new, immutable version (CloudFormation never updates a version in place) and
 *   every reference to the version moves with it;
 * - {@link grantInvoke} allows invoking models only with this guardrail version, and
 *   {@link requireOn} adds an explicit deny of any invocation without it to a role.
 */
export class PlatformGuardrail extends Construct {
  public readonly guardrail: bedrock.CfnGuardrail;
  public readonly version: bedrock.CfnGuardrailVersion;
  public readonly settings: GuardrailSettings;
  /** First 12 hex digits of the SHA-256 of the configuration. */
  public readonly configHash: string;
  private readonly key: kms.IKey;

  constructor(scope: Construct, id: string, props: PlatformGuardrailProps) {
    super(scope, id);
    const prefix = `PlatformGuardrail(${this.node.path})`;
    validateName(`${prefix}.project`, props.project);
    validateName(`${prefix}.environment`, props.environment);
    this.settings = validateGuardrailSettings(`${prefix}.settings`, { ...DEFAULT_GUARDRAIL, ...props.settings });
    this.key = props.key;
    const blocks = guardrailPolicyBlocks(this.settings);
    const messages = {
      blockedInputMessaging: this.settings.blockedInputMessage,
      blockedOutputsMessaging: this.settings.blockedOutputMessage,
    };
    this.configHash = createHash('sha256')
      .update(JSON.stringify({ ...blocks, ...messages }))
      .digest('hex')
      .slice(0, 12);

    this.guardrail = new bedrock.CfnGuardrail(this, 'Resource', {
      name: `${props.project}-${props.environment}-${id.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`.slice(0, 50),
      description: `Platform guardrail of ${props.project} ${props.environment}: prompt attacks, harmful content, PII`,
      kmsKeyArn: props.key.keyArn,
      ...messages,
      ...blocks,
    });
    this.version = new bedrock.CfnGuardrailVersion(this, `Version${this.configHash}`, {
      guardrailIdentifier: this.guardrail.attrGuardrailId,
      description: `Configuration sha256:${this.configHash}`,
    });
  }

  public get guardrailArn(): string {
    return this.guardrail.attrGuardrailArn;
  }

  public get guardrailId(): string {
    return this.guardrail.attrGuardrailId;
  }

  /** The published version number (a string, e.g. "1"). */
  public get versionNumber(): string {
    return this.version.attrVersion;
  }

  /** `<guardrail arn>:<version>`: the value IAM sees in bedrock:GuardrailIdentifier. */
  public get versionedArn(): string {
    return `${this.guardrail.attrGuardrailArn}:${this.version.attrVersion}`;
  }

  /** IAM condition that holds only when a request carries this guardrail version. */
  public get condition(): Record<string, Record<string, string>> {
    return { StringEquals: { 'bedrock:GuardrailIdentifier': this.versionedArn } };
  }

  /**
   * Lets `role` invoke the given models (Converse is authorized as bedrock:InvokeModel) only with
   * this guardrail version applied, apply the guardrail, and decrypt its key through Bedrock: a
   * customer-managed policy (no inline policy).
   */
  public grantInvoke(role: iam.IRole, modelArns: readonly string[], id = `Invoke${role.node.id}`): iam.ManagedPolicy {
    return new iam.ManagedPolicy(this, id, {
      description: 'Model invocation only with the platform guardrail',
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          sid: 'InvokeOnlyWithPlatformGuardrail',
          actions: GUARDED_INVOKE_ACTIONS,
          resources: [...modelArns],
          conditions: this.condition,
        }),
        new iam.PolicyStatement({
          sid: 'ApplyPlatformGuardrail',
          actions: ['bedrock:ApplyGuardrail'],
          resources: [this.guardrail.attrGuardrailArn],
        }),
        new iam.PolicyStatement({
          sid: 'DecryptGuardrailViaBedrock',
          actions: ['kms:Decrypt'],
          resources: [this.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `bedrock.${Aws.REGION}.amazonaws.com` } },
        }),
      ],
    });
  }

  /**
   * Attaches to `role` a managed policy denying every model invocation that does not carry this
   * guardrail version, whatever else the role is allowed: a caller cannot switch the guardrail off.
   */
  public requireOn(role: iam.IRole, id = `Require${role.node.id}`): iam.ManagedPolicy {
    return new iam.ManagedPolicy(this, id, {
      description: 'Denies Bedrock model invocation without the platform guardrail',
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          sid: 'DenyInvokeWithoutPlatformGuardrail',
          effect: iam.Effect.DENY,
          actions: GUARDED_INVOKE_ACTIONS,
          resources: ['*'],
          // A missing key also matches StringNotEquals: a request without a guardrail is denied.
          conditions: { StringNotEquals: { 'bedrock:GuardrailIdentifier': this.versionedArn } },
        }),
      ],
    });
  }
}
