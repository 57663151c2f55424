import type { PipeTransform } from '@nestjs/common';
import { DomainError, JURISDICTION_CODE_PATTERN } from '@app/shared';
import { TARGET_YEARS } from '../domain/target-document/target-document.types';

/** A jurisdiction code in the path: 6 or 9 digits, else a 400 before anything is read. */
export const jurisdictionParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!JURISDICTION_CODE_PATTERN.test(value)) {
      throw new DomainError('UNKNOWN_JURISDICTION', 'invalid', '路径中的辖区代码须为 6 位或 9 位数字');
    }
    return value;
  },
};

/** A year in the path: four digits within the years a document may be set for. */
export const yearParam: PipeTransform<string, number> = {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= TARGET_YEARS.min && year <= TARGET_YEARS.max)) {
      throw new DomainError(
        'TARGET_YEAR_INVALID',
        'invalid',
        `路径中的考核年度须为 ${TARGET_YEARS.min}–${TARGET_YEARS.max} 年之间的四位数字`,
      );
    }
    return year;
  },
};
