import { DomainError } from '@app/shared';
import type { AllocationStatus } from './warehouse.types';

export class WarehouseNotFoundError extends DomainError {
  constructor() {
    super('WAREHOUSE_NOT_FOUND', 'not_found', '物资储备库不存在');
  }
}

export class WarehouseAlreadyRegisteredError extends DomainError {
  constructor() {
    super('WAREHOUSE_ALREADY_REGISTERED', 'conflict', '该储备库已登记');
  }
}

export interface Shortfall {
  materialCode: string;
  requested: number;
  available: number;
}

/** docs/api.md section 7: 409 INSUFFICIENT_STOCK naming the short lines; nothing is reserved. */
export class InsufficientStockError extends DomainError {
  constructor(readonly shortfalls: Shortfall[]) {
    super('INSUFFICIENT_STOCK', 'conflict', `库存不足：${shortfalls.map((s) => `${s.materialCode} 需 ${s.requested}，可用 ${s.available}`).join('；')}`, { shortfalls });
  }
}

export class AllocationNotFoundError extends DomainError {
  constructor() {
    super('ALLOCATION_NOT_FOUND', 'not_found', '调拨单不存在');
  }
}

export class IllegalAllocationMoveError extends DomainError {
  constructor(from: AllocationStatus, to: AllocationStatus) {
    super('ILLEGAL_ALLOCATION_TRANSITION', 'conflict', `调拨单不能从 ${from} 变为 ${to}`, { from, to });
  }
}

export class CountBelowReservedError extends DomainError {
  constructor(materialCode: string, reserved: number) {
    super('COUNT_BELOW_RESERVED', 'rule', `盘点数不能低于已调拨未出库的数量（${materialCode} 已预留 ${reserved}），请先取消相应调拨`, { materialCode, reserved });
  }
}

export class UnknownMaterialError extends DomainError {
  constructor(codes: string[]) {
    super('UNKNOWN_MATERIAL', 'invalid', `物资编码不在目录中：${codes.join('、')}`, { codes });
  }
}
