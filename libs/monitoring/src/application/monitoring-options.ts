export const MONITORING_OPTIONS = Symbol('MONITORING_OPTIONS');

/** The settings of online monitoring (docs/operations.md names the variables behind them). */
export interface MonitoringOptions {
  rawRetentionDays: number;
  minuteRetentionDays: number;
  hourRetentionDays: number;
  offlineFactor: number;
  offlineGraceSeconds: number;
  tickMs: number;
  flushMs: number;
  deadbandPercent: number;
  futureSkewSeconds: number;
  maxReadingAgeHours: number;
}

/** From the application's configuration (the variables are validated there). */
export function monitoringOptionsOf(config: {
  MONITORING_RAW_RETENTION_DAYS: number;
  MONITORING_MINUTE_RETENTION_DAYS: number;
  MONITORING_AGGREGATE_RETENTION_DAYS: number;
  MONITORING_OFFLINE_FACTOR: number;
  MONITORING_OFFLINE_GRACE_SECONDS: number;
  MONITORING_TICK_MS: number;
  MONITORING_FLUSH_MS: number;
  MONITORING_DEADBAND_PERCENT: number;
  MONITORING_FUTURE_SKEW_SECONDS: number;
  MONITORING_MAX_READING_AGE_HOURS: number;
}): MonitoringOptions {
  return {
    rawRetentionDays: config.MONITORING_RAW_RETENTION_DAYS,
    minuteRetentionDays: config.MONITORING_MINUTE_RETENTION_DAYS,
    hourRetentionDays: config.MONITORING_AGGREGATE_RETENTION_DAYS,
    offlineFactor: config.MONITORING_OFFLINE_FACTOR,
    offlineGraceSeconds: config.MONITORING_OFFLINE_GRACE_SECONDS,
    tickMs: config.MONITORING_TICK_MS,
    flushMs: config.MONITORING_FLUSH_MS,
    deadbandPercent: config.MONITORING_DEADBAND_PERCENT,
    futureSkewSeconds: config.MONITORING_FUTURE_SKEW_SECONDS,
    maxReadingAgeHours: config.MONITORING_MAX_READING_AGE_HOURS,
  };
}
