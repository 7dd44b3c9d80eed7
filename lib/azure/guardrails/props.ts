import { DataClassification } from '../../core/classification';
import { BlueprintConfigError } from '../../core/errors';
import { requireInputFilter } from '../../core/inference-limits';
import { validateName, validateOneOf } from '../../core/validate';

const P = 'LlmGuardrails';

/** Harm categories of Azure AI Content Safety, each filtered on prompts and completions. */
export const HARM_CATEGORIES = ['Hate', 'Sexual', 'Violence', 'SelfHarm'] as const;
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

/**
 * Severity at and above which a harm category is blocked. "Low" blocks low, medium and high;
 * "Medium" (Microsoft's default) blocks medium and high; "High" blocks only high.
 */
export const SEVERITY_THRESHOLDS = ['Low', 'Medium', 'High'] as const;
export type SeverityThreshold = (typeof SEVERITY_THRESHOLDS)[number];

/** The documented default threshold: Microsoft's own default, blocking medium and high severity. */
export const DEFAULT_SEVERITY_THRESHOLD: SeverityThreshold = 'Medium';

/** RAI base policy the platform's policy derives from (azurerm: base_policy_name). */
export const BASE_POLICY = 'Microsoft.DefaultV2';

/** Props of {@link LlmGuardrails}; every optional field defaults to the blocking choice. */
export interface LlmGuardrailsProps {
  /** Resource ID of the Azure OpenAI / AI Services account the policy belongs to. */
  readonly cognitiveAccountId: string;
  /** Policy name (letters, digits, hyphens). @default "<project>-<environment>-guardrails" */
  readonly name?: string;
  /** Severity threshold of the harm categories. @default "Medium" */
  readonly severityThreshold?: SeverityThreshold;
  /** Harm categories filtered on prompts. @default all four */
  readonly promptCategories?: readonly HarmCategory[];
  /** Harm categories filtered on completions. @default all four */
  readonly completionCategories?: readonly HarmCategory[];
  /** Prompt shield against jailbreak (direct prompt attacks). @default true */
  readonly jailbreakShield?: boolean;
  /** Prompt shield against indirect attacks (instructions hidden in documents). @default true */
  readonly indirectAttackShield?: boolean;
  /** Block completions reproducing known protected text and code. @default true */
  readonly protectedMaterial?: boolean;
  /** @default "ztai" */
  readonly project?: string;
  /** @default "dev" */
  readonly environment?: string;
  /** @default "platform-team" */
  readonly owner?: string;
  /** @default "confidential" */
  readonly classification?: DataClassification;
}

/** One content filter of the RAI policy, as azurerm 4.55 takes it. */
export interface ContentFilterSpec {
  readonly name: string;
  readonly source: 'Prompt' | 'Completion';
  readonly severityThreshold: SeverityThreshold;
}

export interface ResolvedGuardrails {
  readonly name: string;
  readonly severityThreshold: SeverityThreshold;
  /** Every filter, enabled and blocking. */
  readonly filters: readonly ContentFilterSpec[];
}

function categories(prop: string, value: readonly HarmCategory[] | undefined): readonly HarmCategory[] {
  const list = value ?? HARM_CATEGORIES;
  if (!Array.isArray(list)) throw new BlueprintConfigError(prop, `a list of ${HARM_CATEGORIES.join(', ')}`, list);
  list.forEach((c, i) => validateOneOf(`${prop}[${i}]`, c, HARM_CATEGORIES));
  return [...new Set(list)];
}

/**
 * Applies defaults and validates: a policy that screens no input (no prompt shield and no prompt
 * category) is rejected, naming `LlmGuardrails.promptCategories`.
 */
export function resolveGuardrailsProps(props: LlmGuardrailsProps, project: string, environment: string) {
  if (typeof props.cognitiveAccountId !== 'string' || props.cognitiveAccountId === '') {
    throw new BlueprintConfigError(
      `${P}.cognitiveAccountId`,
      'the ID of a cognitive account',
      props.cognitiveAccountId,
    );
  }
  const name = validateName(`${P}.name`, props.name ?? `${project}-${environment}-guardrails`, 64);
  const severityThreshold = validateOneOf(
    `${P}.severityThreshold`,
    props.severityThreshold ?? DEFAULT_SEVERITY_THRESHOLD,
    SEVERITY_THRESHOLDS,
  );
  const prompt = categories(`${P}.promptCategories`, props.promptCategories);
  const completion = categories(`${P}.completionCategories`, props.completionCategories);
  const jailbreak = props.jailbreakShield ?? true;
  const indirect = props.indirectAttackShield ?? true;
  const inputs = [...(jailbreak ? ['Jailbreak'] : []), ...(indirect ? ['Indirect Attack'] : []), ...prompt];
  requireInputFilter(`${P}.promptCategories`, inputs);

  // azurerm 4.55 requires severity_threshold on every filter, though Azure ignores it for the
  // prompt shields and protected-material filters (hashicorp/terraform-provider-azurerm#28653).
  const t = severityThreshold;
  const filters: ContentFilterSpec[] = [
    ...(jailbreak ? [{ name: 'Jailbreak', source: 'Prompt' as const, severityThreshold: t }] : []),
    ...(indirect ? [{ name: 'Indirect Attack', source: 'Prompt' as const, severityThreshold: t }] : []),
    ...prompt.map((c) => ({ name: c, source: 'Prompt' as const, severityThreshold: t })),
    ...completion.map((c) => ({ name: c, source: 'Completion' as const, severityThreshold: t })),
    ...((props.protectedMaterial ?? true)
      ? ['Protected Material Text', 'Protected Material Code'].map((n) => ({
          name: n,
          source: 'Completion' as const,
          severityThreshold: t,
        }))
      : []),
  ];
  return { name, severityThreshold, filters } satisfies ResolvedGuardrails;
}
