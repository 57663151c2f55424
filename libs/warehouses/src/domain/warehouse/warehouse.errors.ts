import { domainError } from '@app/shared';
import type { AllocationStatus } from './warehouse.types';
import { materialName } from '../materials/materials.catalogue';

// The warehouses context's error catalogue: each code, its status and its Chinese wording, declared once.

export const WarehouseNotFoundError = domainError({
  code: 'WAREHOUSE_NOT_FOUND',
  kind: 'not_found',
  message: '物资储备库不存在',
});

export const WarehouseAlreadyRegisteredError = domainError({
  code: 'WAREHOUSE_ALREADY_REGISTERED',
  kind: 'conflict',
  message: '该储备库已登记',
});

export interface Shortfall {
  materialCode: string;
  requested: number;
  available: number;
}

/** docs/api.md section 7: 409 INSUFFICIENT_STOCK naming the short lines; nothing is reserved. */
export const InsufficientStockError = domainError({
  code: 'INSUFFICIENT_STOCK',
  kind: 'conflict',
  message: (shortfalls: Shortfall[]) =>
    `库存不足：${shortfalls.map((s) => `${materialName(s.materialCode)} 需 ${s.requested}，可用 ${s.available}`).join('；')}`,
  details: (shortfalls) => ({ shortfalls }),
});

export const AllocationNotFoundError = domainError({
  code: 'ALLOCATION_NOT_FOUND',
  kind: 'not_found',
  message: '调拨单不存在',
});

export const IllegalAllocationMoveError = domainError({
  code: 'ILLEGAL_ALLOCATION_TRANSITION',
  kind: 'conflict',
  message: (from: AllocationStatus, to: AllocationStatus) => `调拨单不能从 ${from} 变为 ${to}`,
  details: (from, to) => ({ from, to }),
});

export const CountBelowReservedError = domainError({
  code: 'COUNT_BELOW_RESERVED',
  kind: 'rule',
  message: (materialCode: string, reserved: number) =>
    `盘点数不能低于已调拨未出库的数量（${materialCode} 已预留 ${reserved}），请先取消相应调拨`,
  details: (materialCode, reserved) => ({ materialCode, reserved }),
});

export const UnknownMaterialError = domainError({
  code: 'UNKNOWN_MATERIAL',
  kind: 'invalid',
  message: (codes: string[]) => `物资编码不在目录中：${codes.join('、')}`,
  details: (codes) => ({ codes }),
});
