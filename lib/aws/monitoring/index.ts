export { PlatformMonitoring } from './platform-monitoring';
export type { PlatformMonitoringProps } from './platform-monitoring';
export { trailSignals, addTrailAlarms } from './trail-alarms';
export type { TrailSignal, TrailSignalOptions } from './trail-alarms';
export {
  addApiGatewayAlarms,
  addBedrockAlarms,
  addSageMakerEndpointAlarms,
  addWafAlarms,
  anomalyAlarm,
  spikeAlarm,
} from './api-alarms';
export type { AlarmTarget } from './api-alarms';
export { addDataQualityAlarms, DATA_METRICS_NAMESPACE } from './drift-alarms';
export type { DataQualityAlarmTarget } from './drift-alarms';
