import { RemovalPolicy, Token } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { BlueprintConfigError } from '../../core/errors';
import { validateOneOf } from '../../core/validate';

export const MODEL_CARD_STATUSES = ['Draft', 'PendingReview', 'Approved', 'Archived'] as const;
export type ModelCardStatus = (typeof MODEL_CARD_STATUSES)[number];
export const RISK_RATINGS = ['High', 'Medium', 'Low', 'Unknown'] as const;

export interface ModelCardEvaluation {
  readonly name: string;
  readonly observation: string;
  /** Datasets evaluated on (S3 URIs or lineage references). */
  readonly datasets?: readonly string[];
  readonly metrics: readonly { readonly name: string; readonly value: number }[];
}

/** Typed content of a model card; every text field is required and non-empty. */
export interface ModelCardProps {
  /** Card name (1-63 letters, digits, hyphens). */
  readonly name: string;
  /** @default "Draft"; ZT-MODEL-005 requires "Approved" before a production endpoint */
  readonly status?: ModelCardStatus;
  readonly description: string;
  readonly owner: string;
  /** Training data: the lake zone it came from (lineage) and the dataset URIs. */
  readonly trainingData: { readonly lineage: string; readonly datasets: readonly string[] };
  readonly intendedUse: {
    readonly purpose: string;
    readonly uses: string;
    readonly riskRating: (typeof RISK_RATINGS)[number];
  };
  readonly limitations: string;
  readonly evaluations: readonly ModelCardEvaluation[];
  readonly securityConsiderations: string;
  /**
   * Name of the SageMaker model the card is for (ModelOverview.ModelName, e.g. cfnModel.attrModelName):
   * how ZT-MODEL-005 finds the approved card of a production endpoint's model.
   */
  readonly modelName?: string;
  /** The signed model folder (s3://bucket/prefix/) the card describes. */
  readonly modelArtifact?: string;
  /** Encrypts the card (SecurityConfig.KmsKeyId). */
  readonly key: kms.IKey;
}

function text(prop: string, v: unknown): string {
  if (typeof v !== 'string' || (!Token.isUnresolved(v) && v.trim() === '')) {
    throw new BlueprintConfigError(prop, 'a non-empty string', v);
  }
  return v;
}

/** Validates the props; errors name `ModelCard(<id>).<prop>`. */
export function validateModelCardProps(id: string, p: ModelCardProps): ModelCardStatus {
  const P = `ModelCard(${id})`;
  if (typeof p.name !== 'string' || !/^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/.test(p.name)) {
    throw new BlueprintConfigError(`${P}.name`, '1-63 letters, digits and inner hyphens', p.name);
  }
  const status = validateOneOf(`${P}.status`, p.status ?? 'Draft', MODEL_CARD_STATUSES);
  text(`${P}.description`, p.description);
  text(`${P}.owner`, p.owner);
  text(`${P}.trainingData.lineage`, p.trainingData?.lineage);
  if (!Array.isArray(p.trainingData.datasets) || p.trainingData.datasets.length === 0) {
    throw new BlueprintConfigError(`${P}.trainingData.datasets`, 'at least one dataset URI', p.trainingData.datasets);
  }
  p.trainingData.datasets.forEach((d, i) => text(`${P}.trainingData.datasets[${i}]`, d));
  text(`${P}.intendedUse.purpose`, p.intendedUse?.purpose);
  text(`${P}.intendedUse.uses`, p.intendedUse.uses);
  validateOneOf(`${P}.intendedUse.riskRating`, p.intendedUse.riskRating, RISK_RATINGS);
  text(`${P}.limitations`, p.limitations);
  text(`${P}.securityConsiderations`, p.securityConsiderations);
  if (!Array.isArray(p.evaluations) || p.evaluations.length === 0) {
    throw new BlueprintConfigError(`${P}.evaluations`, 'at least one evaluation', p.evaluations);
  }
  p.evaluations.forEach((e: ModelCardEvaluation, i: number) => {
    text(`${P}.evaluations[${i}].name`, e.name);
    text(`${P}.evaluations[${i}].observation`, e.observation);
    e.metrics.forEach((m, j) => {
      text(`${P}.evaluations[${i}].metrics[${j}].name`, m.name);
      if (typeof m.value !== 'number' || !Number.isFinite(m.value)) {
        throw new BlueprintConfigError(`${P}.evaluations[${i}].metrics[${j}].value`, 'a finite number', m.value);
      }
    });
  });
  if (!p.key) throw new BlueprintConfigError(`${P}.key`, 'the KMS key that encrypts the card', p.key);
  return status;
}

/**
 * An AWS::SageMaker::ModelCard from typed props, encrypted with the platform CMK and retained (the
 * card is the record of what was approved for production, and by whom).
 */
export class ModelCard extends Construct {
  public readonly card: sagemaker.CfnModelCard;
  public readonly status: ModelCardStatus;

  constructor(scope: Construct, id: string, props: ModelCardProps) {
    super(scope, id);
    this.status = validateModelCardProps(id, props);
    this.card = new sagemaker.CfnModelCard(this, 'Resource', {
      modelCardName: props.name,
      modelCardStatus: this.status,
      securityConfig: { kmsKeyId: props.key.keyArn },
      content: {
        modelOverview: {
          modelDescription: props.description,
          modelOwner: props.owner,
          ...(props.modelName ? { modelName: props.modelName } : {}),
          ...(props.modelArtifact ? { modelArtifact: [props.modelArtifact] } : {}),
        },
        intendedUses: {
          purposeOfModel: props.intendedUse.purpose,
          intendedUses: props.intendedUse.uses,
          riskRating: props.intendedUse.riskRating,
        },
        trainingDetails: {
          trainingObservations: `Training data lineage: ${props.trainingData.lineage}`,
          trainingJobDetails: { trainingDatasets: [...props.trainingData.datasets] },
        },
        evaluationDetails: props.evaluations.map((e) => ({
          name: e.name,
          evaluationObservation: e.observation,
          ...(e.datasets ? { datasets: [...e.datasets] } : {}),
          // Metrics as name -> value metadata: the CDK typing of MetricData.Value rejects plain numbers.
          metadata: Object.fromEntries(e.metrics.map((m) => [m.name, String(m.value)])),
        })),
        additionalInformation: {
          caveatsAndRecommendations: props.limitations,
          customDetails: { securityConsiderations: props.securityConsiderations, lineage: props.trainingData.lineage },
        },
      },
    });
    this.card.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }
}
