import { validateSync } from 'class-validator';
import { JurisdictionRegistry } from '../jurisdictions/jurisdictions';
import { IsKnownJurisdiction, KnownJurisdictionConstraint } from './known-jurisdiction.validator';

class Body {
  @IsKnownJurisdiction() jurisdiction!: unknown;
}

const body = (jurisdiction: unknown) => Object.assign(new Body(), { jurisdiction });

describe('IsKnownJurisdiction', () => {
  it('accepts codes of the loaded tree and refuses others with a Chinese message', () => {
    expect(validateSync(body('640521'))).toEqual([]);
    const [error] = validateSync(body('999999'));
    expect(error?.constraints).toEqual({ knownJurisdiction: 'jurisdiction 不是已知的辖区代码' });
    expect(validateSync(body(640521))).toHaveLength(1);
  });

  it('checks against the registry it is given, not the compiled seed', () => {
    const custom = new KnownJurisdictionConstraint(
      new JurisdictionRegistry([
        { code: '110000', name: '北京市', level: 'city', timeZone: 'Asia/Shanghai', countMissingAsDeaths: false },
      ]),
    );
    expect(custom.validate('110000')).toBe(true);
    expect(custom.validate('640500')).toBe(false);
  });
});
