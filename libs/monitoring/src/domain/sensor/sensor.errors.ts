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
