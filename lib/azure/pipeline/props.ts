import { resolveGovernance } from '../../core/governance';
import { DataClassification } from '../../core/classification';
import { DEFAULT_CONFIG } from '../../core/config';
import { BlueprintConfigError } from '../../core/errors';
import {
  type Principal,
  type ResolvedPrincipal,
  resolvePrincipal,
  validateLocation,
  validateResourceGroupName,
  validateResourceId,
} from '../validate';

/**
 * A workload identity federation binding: the CI/CD job allowed to act as the release identity,
 * e.g. a GitHub Actions environment whose protection rules require a reviewer.
 */
export interface ReleaseFederation {
  /** OIDC issuer, e.g. "https://token.actions.githubusercontent.com". */
  readonly issuer: string;
  /** Token subject, e.g. "repo:org/ml-models:environment:production". */
  readonly subject: string;
  /** @default ["api://AzureADTokenExchange"] */
  readonly audiences?: readonly string[];
}

/** Props of {@link ModelReleaseGate}. */
export interface ModelReleaseGateProps {
  /**
   * Resource ID of the Azure ML workspace that serves as the production model registry (models
   * are promoted into it; endpoints deploy only from it).
   */
  readonly registryWorkspaceId: string;
  /** Resource group of the release identity. */
  readonly resourceGroupName: string;
  /** @default "westeurope" */
  readonly location?: string;
  /**
   * Who reads the registry's models (read-only): data scientists' groups or workload identities, as
   * object IDs or `{ id, type }`. Name groups, not people: a grant to a user fails ZT-IDENTITY-007.
   * @default []
   */
  readonly readerPrincipalIds?: readonly Principal[];
  /**
   * The CI/CD job that may act as the release identity. Without it the identity exists but nothing
   * can use it until a binding is added.
   * @default undefined
   */
  readonly releaseFederation?: ReleaseFederation;
  /** @default "ztai" */
  readonly project?: string;
  /** @default "dev" */
  readonly environment?: string;
  /** @default "platform-team" */
  readonly owner?: string;
  /** @default "confidential" */
  readonly classification?: DataClassification;
}

export interface ResolvedModelReleaseGateProps {
  readonly registryWorkspaceId: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly readerPrincipalIds: readonly ResolvedPrincipal[];
  readonly releaseFederation?: ReleaseFederation & { readonly audiences: readonly string[] };
  readonly project: string;
  readonly environment: string;
  readonly owner: string;
  readonly classification: DataClassification;
}

const P = 'ModelReleaseGate';

/** Applies defaults and validates; throws BlueprintConfigError naming `ModelReleaseGate.<prop>`. */
export function resolveModelReleaseGateProps(props: ModelReleaseGateProps): ResolvedModelReleaseGateProps {
  if (!props || typeof props !== 'object') throw new BlueprintConfigError(P, 'a props object', props);
  const readers = (props.readerPrincipalIds ?? []).map((r, i) => resolvePrincipal(`${P}.readerPrincipalIds[${i}]`, r));
  const f = props.releaseFederation;
  if (f !== undefined) {
    if (typeof f.issuer !== 'string' || !/^https:\/\/\S+$/.test(f.issuer)) {
      throw new BlueprintConfigError(`${P}.releaseFederation.issuer`, 'an https:// OIDC issuer URL', f.issuer);
    }
    if (typeof f.subject !== 'string' || f.subject.trim() === '' || f.subject.includes('*')) {
      throw new BlueprintConfigError(
        `${P}.releaseFederation.subject`,
        'an exact token subject (no wildcard)',
        f.subject,
      );
    }
  }
  return {
    registryWorkspaceId: validateResourceId(
      `${P}.registryWorkspaceId`,
      props.registryWorkspaceId,
      /\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[A-Za-z0-9][\w-]{2,32}$/,
    ),
    resourceGroupName: validateResourceGroupName(`${P}.resourceGroupName`, props.resourceGroupName),
    location: validateLocation(`${P}.location`, props.location ?? DEFAULT_CONFIG.azure.location),
    readerPrincipalIds: readers,
    releaseFederation: f ? { ...f, audiences: [...(f.audiences ?? ['api://AzureADTokenExchange'])] } : undefined,
    ...resolveGovernance(P, props),
  };
}
