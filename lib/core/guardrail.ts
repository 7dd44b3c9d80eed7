import { BlueprintConfigError } from './errors';
import { validateIntRange, validateOneOf, validateUnique } from './validate';

/**
 * LLM guardrail vocabulary shared by both clouds (Bedrock guardrail on AWS, RAI policy on Azure):
 * which filters run on the prompt and on the completion, how strictly, and what PII is masked or
 * blocked. One validation, so a guardrail that filters nothing on input fails the same way on both.
 */

export const FILTER_STRENGTHS = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type FilterStrength = (typeof FILTER_STRENGTHS)[number];

/** Harm categories filtered on prompt and completion (Bedrock names; Azure maps them to its own). */
export const CONTENT_FILTER_TYPES = ['HATE', 'INSULTS', 'SEXUAL', 'VIOLENCE', 'MISCONDUCT'] as const;

export const PII_ACTIONS = ['ANONYMIZE', 'BLOCK'] as const;
export type PiiAction = (typeof PII_ACTIONS)[number];

/** PII entity types Bedrock guardrails detect. */
export const PII_ENTITY_TYPES = [
  'ADDRESS',
  'AGE',
  'AWS_ACCESS_KEY',
  'AWS_SECRET_KEY',
  'CA_HEALTH_NUMBER',
  'CA_SOCIAL_INSURANCE_NUMBER',
  'CREDIT_DEBIT_CARD_CVV',
  'CREDIT_DEBIT_CARD_EXPIRY',
  'CREDIT_DEBIT_CARD_NUMBER',
  'DRIVER_ID',
  'EMAIL',
  'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
  'IP_ADDRESS',
  'LICENSE_PLATE',
  'MAC_ADDRESS',
  'NAME',
  'PASSWORD',
  'PHONE',
  'PIN',
  'SWIFT_CODE',
  'UK_NATIONAL_HEALTH_SERVICE_NUMBER',
  'UK_NATIONAL_INSURANCE_NUMBER',
  'UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER',
  'URL',
  'USERNAME',
  'US_BANK_ACCOUNT_NUMBER',
  'US_BANK_ROUTING_NUMBER',
  'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER',
  'US_PASSPORT_NUMBER',
  'US_SOCIAL_SECURITY_NUMBER',
  'VEHICLE_IDENTIFICATION_NUMBER',
] as const;
export type PiiEntityType = (typeof PII_ENTITY_TYPES)[number];

export interface PiiEntitySetting {
  readonly type: PiiEntityType;
  readonly action: PiiAction;
}

export interface DeniedTopicSetting {
  /** 1-100 characters: letters, digits, spaces and -_!?. */
  readonly name: string;
  /** What the topic covers, at most 200 characters. */
  readonly definition: string;
  /** Up to 5 example prompts, each at most 100 characters. */
  readonly examples?: readonly string[];
}

export interface GuardrailSettings {
  /** Prompt-attack (jailbreak, prompt injection) filter on the prompt. @default "HIGH" */
  readonly promptAttackStrength: FilterStrength;
  /** Content filters (hate, insults, sexual, violence, misconduct) on the prompt. @default "HIGH" */
  readonly contentInputStrength: FilterStrength;
  /** The same content filters on the completion. @default "HIGH" */
  readonly contentOutputStrength: FilterStrength;
  /** PII entities masked (ANONYMIZE) or refused (BLOCK). @default see DEFAULT_GUARDRAIL */
  readonly piiEntities: readonly PiiEntitySetting[];
  /** Topics the model must refuse. @default [] */
  readonly deniedTopics: readonly DeniedTopicSetting[];
  /** Exact words or phrases blocked in prompt and completion. @default [] */
  readonly blockedWords: readonly string[];
  /** The provider's managed profanity list. @default true */
  readonly profanityFilter: boolean;
  /** Contextual grounding threshold 0-99 (percent); undefined: off (it needs a grounding source). */
  readonly groundingThreshold?: number;
  /** Contextual relevance threshold 0-99 (percent); undefined: off. */
  readonly relevanceThreshold?: number;
  /** What the caller receives instead of a blocked prompt's answer. */
  readonly blockedInputMessage: string;
  /** What the caller receives instead of a blocked completion. */
  readonly blockedOutputMessage: string;
}

export const DEFAULT_GUARDRAIL: GuardrailSettings = {
  promptAttackStrength: 'HIGH',
  contentInputStrength: 'HIGH',
  contentOutputStrength: 'HIGH',
  piiEntities: [
    { type: 'EMAIL', action: 'ANONYMIZE' },
    { type: 'PHONE', action: 'ANONYMIZE' },
    { type: 'NAME', action: 'ANONYMIZE' },
    { type: 'US_SOCIAL_SECURITY_NUMBER', action: 'BLOCK' },
    { type: 'CREDIT_DEBIT_CARD_NUMBER', action: 'BLOCK' },
    { type: 'AWS_ACCESS_KEY', action: 'BLOCK' },
    { type: 'AWS_SECRET_KEY', action: 'BLOCK' },
    { type: 'PASSWORD', action: 'BLOCK' },
  ],
  deniedTopics: [],
  blockedWords: [],
  profanityFilter: true,
  blockedInputMessage: 'This request was blocked by the platform guardrail.',
  blockedOutputMessage: 'The response was withheld by the platform guardrail.',
};

const TOPIC_NAME = /^[0-9a-zA-Z\-_ !?.]{1,100}$/;

/**
 * Validates a guardrail configuration; `prop` is its path (e.g. `BlueprintConfig.inference.guardrail`).
 * A guardrail must filter the prompt: at least one of the prompt-attack and content filters is on
 * for input, else prompt injection reaches the model unexamined.
 */
export function validateGuardrailSettings(prop: string, g: GuardrailSettings): GuardrailSettings {
  validateOneOf(`${prop}.promptAttackStrength`, g.promptAttackStrength, FILTER_STRENGTHS);
  validateOneOf(`${prop}.contentInputStrength`, g.contentInputStrength, FILTER_STRENGTHS);
  validateOneOf(`${prop}.contentOutputStrength`, g.contentOutputStrength, FILTER_STRENGTHS);
  if (g.promptAttackStrength === 'NONE' && g.contentInputStrength === 'NONE') {
    throw new BlueprintConfigError(
      `${prop}.promptAttackStrength`,
      'an input filter: promptAttackStrength or contentInputStrength other than NONE (a guardrail must filter prompts)',
      'NONE',
    );
  }
  if (!Array.isArray(g.piiEntities)) throw new BlueprintConfigError(`${prop}.piiEntities`, 'a list', g.piiEntities);
  g.piiEntities.forEach((e, i) => {
    validateOneOf(`${prop}.piiEntities[${i}].type`, e?.type, PII_ENTITY_TYPES);
    validateOneOf(`${prop}.piiEntities[${i}].action`, e?.action, PII_ACTIONS);
  });
  validateUnique(
    `${prop}.piiEntities`,
    g.piiEntities.map((e) => e.type),
  );
  g.deniedTopics.forEach((t, i) => {
    const at = `${prop}.deniedTopics[${i}]`;
    if (typeof t?.name !== 'string' || !TOPIC_NAME.test(t.name)) {
      throw new BlueprintConfigError(`${at}.name`, '1-100 letters, digits, spaces or -_!?.', t?.name);
    }
    checkText(`${at}.definition`, t.definition, 200);
    (t.examples ?? []).forEach((x, j) => checkText(`${at}.examples[${j}]`, x, 100));
    if ((t.examples ?? []).length > 5)
      throw new BlueprintConfigError(`${at}.examples`, 'at most 5 examples', t.examples);
  });
  validateUnique(
    `${prop}.deniedTopics`,
    g.deniedTopics.map((t) => t.name),
  );
  g.blockedWords.forEach((w, i) => checkText(`${prop}.blockedWords[${i}]`, w, 100));
  validateUnique(`${prop}.blockedWords`, [...g.blockedWords]);
  if (typeof g.profanityFilter !== 'boolean') {
    throw new BlueprintConfigError(`${prop}.profanityFilter`, 'true or false', g.profanityFilter);
  }
  if (g.groundingThreshold !== undefined) validateIntRange(`${prop}.groundingThreshold`, g.groundingThreshold, 0, 99);
  if (g.relevanceThreshold !== undefined) validateIntRange(`${prop}.relevanceThreshold`, g.relevanceThreshold, 0, 99);
  checkText(`${prop}.blockedInputMessage`, g.blockedInputMessage, 500);
  checkText(`${prop}.blockedOutputMessage`, g.blockedOutputMessage, 500);
  return g;
}

function checkText(prop: string, value: unknown, max: number): void {
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > max) {
    throw new BlueprintConfigError(prop, `non-blank text of at most ${max} characters`, value);
  }
}
