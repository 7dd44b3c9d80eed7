import { DATA_CLASSIFICATIONS, type DataClassification } from './classification';
import { DEFAULT_CONFIG } from './config';
import { validateTagValue } from './tags';
import { validateName, validateOneOf } from './validate';

/** The governance props every capability takes, resolved once: defaults from the blueprint config. */
export interface GovernanceProps {
  readonly project?: string;
  readonly environment?: string;
  readonly owner?: string;
  readonly classification?: DataClassification;
}

export interface Ownership {
  readonly owner: string;
  readonly classification: DataClassification;
}

/** Owner and data classification, validated; errors name `<prefix>.owner` / `<prefix>.classification`. */
export function resolveOwnership(prefix: string, props: GovernanceProps): Ownership {
  return {
    owner: validateTagValue(`${prefix}.owner`, props.owner ?? DEFAULT_CONFIG.owner),
    classification: validateOneOf(
      `${prefix}.classification`,
      props.classification ?? DEFAULT_CONFIG.classification,
      DATA_CLASSIFICATIONS,
    ),
  };
}

/** Project, environment, owner and classification, validated, with the blueprint defaults. */
export function resolveGovernance(prefix: string, props: GovernanceProps): Required<GovernanceProps> {
  return {
    project: validateName(`${prefix}.project`, props.project ?? DEFAULT_CONFIG.name),
    environment: validateName(`${prefix}.environment`, props.environment ?? DEFAULT_CONFIG.environment),
    ...resolveOwnership(prefix, props),
  };
}
