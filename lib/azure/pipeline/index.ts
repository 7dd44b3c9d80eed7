export { ModelReleaseGate, READER_ACTIONS, REGISTRAR_ACTIONS, resourceGroupOf } from './model-release-gate';
export { resolveModelReleaseGateProps } from './props';
export type { ModelReleaseGateProps, ReleaseFederation, ResolvedModelReleaseGateProps } from './props';
