import { domainError } from '@app/shared';
import { CREDIT_CODE_PROBLEM_TEXT, type CreditCodeProblem } from './credit-code';

// The enterprise register's error catalogue: each code, its status and its Chinese wording, declared once.

export const EnterpriseNotFoundError = domainError({
  code: 'ENTERPRISE_NOT_FOUND',
  kind: 'not_found',
  message: '企业不存在',
});

export const EnterpriseAlreadyRegisteredError = domainError({
  code: 'ENTERPRISE_ALREADY_REGISTERED',
  kind: 'conflict',
  message: '该企业已登记',
});

/** Another registered unit holds the code: one legal entity, one record. */
export const CreditCodeTakenError = domainError({
  code: 'ENTERPRISE_CREDIT_CODE_TAKEN',
  kind: 'conflict',
  message: (creditCode: string) => `统一社会信用代码 ${creditCode} 已被其他企业登记`,
  details: (creditCode) => ({ creditCode }),
});

export const InvalidCreditCodeError = domainError({
  code: 'ENTERPRISE_CREDIT_CODE_INVALID',
  kind: 'rule',
  message: (problem: CreditCodeProblem, _position?: number) => CREDIT_CODE_PROBLEM_TEXT[problem],
  details: (problem, position) => ({
    problem,
    ...(position !== undefined ? { position } : {}),
    errors: [{ path: 'creditCode', message: CREDIT_CODE_PROBLEM_TEXT[problem] }],
  }),
});

/** A field the request layer bounds, refused again here for a caller that bypasses it. */
export const EnterpriseFieldError = domainError({
  code: 'VALIDATION_FAILED',
  kind: 'invalid',
  message: (path: string, message: string) => `${path}：${message}`,
  details: (path, message) => ({ errors: [{ path, message }] }),
});

export const DeviceKeyNotFoundError = domainError({
  code: 'DEVICE_KEY_NOT_FOUND',
  kind: 'not_found',
  message: '设备密钥不存在',
});

export const DeviceKeyRevokedError = domainError({
  code: 'DEVICE_KEY_REVOKED',
  kind: 'conflict',
  message: '设备密钥已吊销',
});

export const DeviceKeyIdTakenError = domainError({
  code: 'DEVICE_KEY_ID_TAKEN',
  kind: 'conflict',
  message: '设备密钥编号已存在',
});

export const TooManyDeviceKeysError = domainError({
  code: 'DEVICE_KEY_LIMIT',
  kind: 'rule',
  message: (limit: number) => `每家企业最多 ${limit} 个有效设备密钥，请先吊销不再使用的密钥`,
  details: (limit) => ({ limit }),
});
