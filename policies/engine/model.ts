/**
 * The normalized resource model every loader yields (see ARCHITECTURE.md). Rules are written
 * against this shape only, never against a loader or a tool.
 */

export type Provider = 'aws' | 'azurerm' | string;
export type SourceFormat = 'cloudformation' | 'terraform';

export interface ResourceSource {
  /** Path of the template / Terraform JSON file, as given to the loader. */
  readonly file: string;
  readonly format: SourceFormat;
  /** CloudFormation stack name / artifact id, or cdktf stack directory name. */
  readonly stack?: string;
  /** Construct path (CDK aws:cdk:path metadata, cdktf "//".metadata.path) when known. */
  readonly constructPath?: string;
  /** 1-based line of the resource's declaration in `file`, when the loader tracked it (SARIF regions). */
  readonly line?: number;
}

/** A waiver as read from a synthesized file (lib/core/waiver.ts writes them). */
export interface ResourceWaiver {
  readonly ruleId: string;
  readonly reason: string;
  readonly expires?: string;
  /**
   * Where it came from: "template-metadata", "cdk-acknowledgement", "terraform-comment". When one
   * waiver was recorded in several places (CDK `waive()` writes template metadata and an
   * acknowledgement), they are joined with "+", the kept record first: "template-metadata+cdk-acknowledgement".
   */
  readonly origin: string;
  /** Every origin, the kept record first; set only when the waiver was recorded in more than one place. */
  readonly origins?: readonly string[];
}

export interface Resource {
  /** CloudFormation logical ID, or Terraform `type.name`. Unique within its document. */
  readonly address: string;
  readonly provider: Provider;
  /** "AWS::S3::Bucket" or "azurerm_storage_account". */
  readonly type: string;
  /** Properties as synthesized (CFN `Properties`; the Terraform resource body). */
  readonly properties: Record<string, unknown>;
  /**
   * Resource-level attributes outside Properties: CFN DeletionPolicy, UpdateReplacePolicy,
   * Condition, Metadata; Terraform lifecycle, count, for_each, "//".
   */
  readonly attributes: Record<string, unknown>;
  readonly source: ResourceSource;
  readonly waivers: ResourceWaiver[];
  /** Unique across all loaded documents: `${documentId}#${address}`. */
  readonly key: string;
  /** Identifies the document (template or tf.json file) the resource belongs to. */
  readonly documentId: string;
}

/**
 * A loaded configuration: one CloudFormation template, one Terraform JSON file, or a Terraform
 * module (every `*.tf.json` of a directory; then `id` and `file` are the directory).
 */
export interface Document {
  readonly id: string;
  readonly file: string;
  /** The files of a Terraform module document (each resource's `source.file` is one of them). */
  readonly files?: readonly string[];
  readonly format: SourceFormat;
  readonly stack?: string;
  readonly resources: Resource[];
  /** CFN Parameters / Terraform variables: values unknown at synth time. */
  readonly parameters: Record<string, unknown>;
  /** CFN Conditions (for Fn::If) / Terraform locals. */
  readonly conditions: Record<string, unknown>;
  /**
   * CFN `Outputs` (each `{ Value, Export?: { Name } }`) / Terraform `output` blocks (each `{ value }`):
   * what other documents of the same deployment may reference (Fn::ImportValue, cdktf cross-stack outputs).
   */
  readonly outputs?: Record<string, unknown>;
  /**
   * Documents loaded together from one deployment (a cloud assembly, a cdktf.out tree) share this id;
   * references across documents (nested-stack parameters, Fn::ImportValue, cross-stack outputs)
   * are resolved only within one deployment.
   */
  readonly deployment?: string;
  /**
   * A nested stack: the parent document and the address of its AWS::CloudFormation::Stack resource,
   * whose `Parameters` give this document's parameter values.
   */
  readonly parent?: { readonly documentId: string; readonly address: string };
  /**
   * Terraform: `data.terraform_remote_state.<name>` -> id of the document of the same deployment
   * whose `outputs` it reads. cdktf writes a cross-stack reference as
   * `${data.terraform_remote_state.cross-stack-reference-input-<producer>.outputs.<output>}`, and the
   * producer stack declares `output "<output>" { value = "${<type>.<name>.<attr>}" }`.
   */
  readonly remoteStates?: Readonly<Record<string, string>>;
}

/** What a path that yielded no document was, and why it was skipped (never silent). */
export interface SkippedInput {
  readonly path: string;
  readonly reason: string;
}

/** Everything loading a set of paths produced. */
export interface LoadResult {
  readonly documents: Document[];
  /** Paths (files, directories, stack folders, module blocks) that were not evaluated, with why. */
  readonly skipped: SkippedInput[];
  /**
   * With `loadInputs(paths, { collectErrors: true })`: the InputError of each path that could not be
   * loaded (its documents are left out; the others are kept). Otherwise the first error is thrown.
   */
  readonly errors?: readonly Error[];
}

/** An edge of the reference graph: `from` mentions `to` at property path `path`. */
export interface Reference {
  readonly from: Resource;
  readonly to: Resource;
  /** Dotted path, relative to `from.properties`, where the reference appears, e.g. "Bucket", "Tags.0.Value". */
  readonly path: string;
  /** Attribute referenced (GetAtt attribute / Terraform attribute), undefined for a plain Ref. */
  readonly attribute?: string;
}
