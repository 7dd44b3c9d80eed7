export { PlatformAlerts, platformSignals, queryAlert } from './platform-alerts';
export type { PlatformAlertsProps, QuerySignal } from './platform-alerts';
export { addApimAlerts, tokenSignal } from './apim-alerts';
