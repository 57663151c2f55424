import { domainError } from '@app/shared';

// The monitoring context's error catalogue: each code, its status and its Chinese wording, declared once.

export const SensorNotFoundError = domainError({
  code: 'SENSOR_NOT_FOUND',
  kind: 'not_found',
  message: '传感器不存在',
});

/** The code names the sensor in MQTT topics and gateway payloads: one per enterprise, never reused. */
export const SensorCodeTakenError = domainError({
  code: 'SENSOR_CODE_TAKEN',
  kind: 'conflict',
  message: (code: string) => `本企业已有编码为「${code}」的传感器（含已停用的），请换用其他编码`,
  details: (code) => ({ code }),
});

export const ThresholdsDisorderedError = domainError({
  code: 'SENSOR_THRESHOLDS_DISORDERED',
  kind: 'invalid',
  message: (problems: string[]) => `报警阈值须满足 低低报 < 低报 < 高报 < 高高报：${problems.join('；')}`,
  details: (problems) => ({ problems }),
});

export const ThresholdsNotFiniteError = domainError({
  code: 'SENSOR_THRESHOLDS_INVALID',
  kind: 'invalid',
  message: (labels: string[]) => `报警阈值须为有限数值：${labels.join('、')}`,
  details: (labels) => ({ thresholds: labels }),
});

/** A sensor without any threshold could never alarm: a monitoring point nobody is warned about. */
export const ThresholdsMissingError = domainError({
  code: 'SENSOR_THRESHOLDS_MISSING',
  kind: 'invalid',
  message: '至少须设定一个报警阈值（高报、高高报、低报或低低报）',
});

/**
 * A deadband as wide as the gap between two neighbouring thresholds would keep the higher alarm open although the
 * value is already back in the lower band (a 高高报 never ending while the value sits at 高报).
 */
export const DeadbandTooWideError = domainError({
  code: 'SENSOR_DEADBAND_TOO_WIDE',
  kind: 'invalid',
  message: (deadband: number, gap: string) => `死区（${deadband}）须小于相邻报警阈值之差：${gap}`,
  details: (deadband, gap) => ({ deadband, gap }),
});

export const DeadbandInvalidError = domainError({
  code: 'SENSOR_DEADBAND_INVALID',
  kind: 'invalid',
  message: '死区须为不小于 0 的数值',
});

export const SensorRetiredError = domainError({
  code: 'SENSOR_RETIRED',
  kind: 'conflict',
  message: '传感器已停用，不能再修改',
});

/** A unit taken out of the register (核销) is no longer monitored: no new sensors on it. */
export const HazardSourceRetiredError = domainError({
  code: 'SENSOR_HAZARD_SOURCE_RETIRED',
  kind: 'conflict',
  message: '该危险化学品单元已核销，不能再登记传感器',
});
