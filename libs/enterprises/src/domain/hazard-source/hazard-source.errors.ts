import { domainError } from '@app/shared';

export const HazardSourceNotFoundError = domainError({
  code: 'HAZARD_SOURCE_NOT_FOUND',
  kind: 'not_found',
  message: '重大危险源（危险化学品单元）不存在',
});

export const HazardSourceAlreadyRegisteredError = domainError({
  code: 'HAZARD_SOURCE_ALREADY_REGISTERED',
  kind: 'conflict',
  message: '该危险化学品单元已登记',
});

export const HazardSourceRetiredError = domainError({
  code: 'HAZARD_SOURCE_RETIRED',
  kind: 'conflict',
  message: '该危险化学品单元已核销，不能再变更；如重新投用请重新登记',
  details: (retiredAt: string) => ({ retiredAt }),
});

export const HazardSourceEnterpriseUnknownError = domainError({
  code: 'HAZARD_SOURCE_ENTERPRISE_UNKNOWN',
  kind: 'rule',
  message: '所属企业不存在或不在您的辖区内：请先登记企业',
  details: (enterpriseId: string) => ({ enterpriseId, errors: [{ path: 'enterpriseId', message: 'enterpriseId' }] }),
});
