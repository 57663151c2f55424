import { completeCreditCode } from '@app/enterprises';

/**
 * The n-th invented 统一社会信用代码 (benches, tests): 9 (市场监管) 1 (企业), the division, an organisation code made
 * from `n`, both check characters computed as the register checks them.
 */
export function inventedCreditCode(n: number, division = '640500'): string {
  return completeCreditCode(`91${division}${String(n).padStart(8, '0').slice(-8)}`)!;
}
