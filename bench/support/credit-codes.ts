/**
 * Valid 统一社会信用代码 for invented enterprises (benches, tests, the simulator's fixtures): GB 32100-2015, with the
 * organisation code inside it valid by GB 11714 as well, so any check the register makes accepts them.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The n-th invented code: 9 (工商) 1 (企业), the division `division`, an organisation code from `n`. */
export function inventedCreditCode(n: number, division = '640500'): string {
  const body = String(n).padStart(8, '0').slice(-8);
  const orgSum = [...body].reduce((sum, c, i) => sum + Number(c) * ORG_WEIGHTS[i]!, 0);
  const orgCheck = 11 - (orgSum % 11);
  const orgCode = `${body}${orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck)}`;
  const first17 = `91${division}${orgCode}`;
  const sum = [...first17].reduce((acc, c, i) => acc + CHARSET.indexOf(c) * WEIGHTS[i]!, 0);
  const check = (31 - (sum % 31)) % 31;
  return `${first17}${CHARSET[check]}`;
}
