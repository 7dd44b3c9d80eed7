export { ModelRegistry } from './model-registry';
export { resolveModelRegistryProps } from './props';
export type { ModelRegistryProps, ResolvedModelRegistryProps } from './props';
export {
  ModelSignatureVerification,
  requireVerifiedModel,
  VERIFICATION_RESOURCE_TYPE,
  VERIFY_RUNTIME,
} from './verification';
export type { ModelSignatureVerificationProps, SignedModelReference } from './verification';
export { MODEL_CARD_STATUSES, ModelCard, RISK_RATINGS, validateModelCardProps } from './model-card';
export type { ModelCardEvaluation, ModelCardProps, ModelCardStatus } from './model-card';
