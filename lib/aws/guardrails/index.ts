export * from './guardrail-policies';
export * from './platform-guardrail';
