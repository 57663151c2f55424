import type { SetTargets } from './target-document.commands';
import { decideTargetDocument } from './target-document.decider';
import { evolveTargetDocument, initialTargetDocumentState } from './target-document.state';
import { noRecordedFigures, type TargetRecordedFigures, type TargetSpec } from './target-document.types';

const now = new Date('2026-01-05T02:00:00Z');
const set = (targets: Partial<TargetSpec>[], extra: Partial<SetTargets> = {}): SetTargets => ({
  type: 'SetTargets',
  jurisdiction: '640500',
  year: 2026,
  targets: targets.map((t) => ({
    indicator: 'deaths',
    kind: 'ceiling',
    value: 1,
    baselineYear: null,
    category: null,
    ...t,
  })),
  denominators: { gdp100mYuan: null, vehicles10k: null },
  recorded: noRecordedFigures(),
  knownCategories: ['coal_mine', 'non_coal_mine', 'road_traffic'],
  now,
  ...extra,
});
const decide = (command: SetTargets) => decideTargetDocument(command, initialTargetDocumentState);
const codeOf = (command: SetTargets): string | undefined => {
  try {
    decide(command);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('target document decider', () => {
  it('sets the whole document; the same content again changes nothing', () => {
    const command = set([{ indicator: 'deaths', kind: 'reduction', value: 15, baselineYear: 2025 }]);
    const events = decide(command);
    expect(events).toEqual([
      {
        type: 'TargetsSet',
        data: {
          jurisdiction: '640500',
          year: 2026,
          targets: [{ indicator: 'deaths', kind: 'reduction', value: 15, baselineYear: 2025, category: null }],
          denominators: { gdp100mYuan: null, vehicles10k: null },
          recorded: noRecordedFigures(),
          setAt: now.toISOString(),
        },
      },
    ]);
    const state = evolveTargetDocument(initialTargetDocumentState, events[0]!);
    expect(decideTargetDocument(command, state)).toEqual([]);
    expect(decideTargetDocument(set([{ value: 2 }]), state)).toHaveLength(1);
  });

  it('a document with only denominators is valid (a baseline year needs them)', () => {
    expect(decide(set([], { denominators: { gdp100mYuan: 420.5, vehicles10k: 18 } }))).toHaveLength(1);
  });

  it.each([
    ['a negative ceiling', set([{ value: -1 }]), 'TARGET_INVALID'],
    ['a fractional count ceiling', set([{ value: 2.5 }]), 'TARGET_INVALID'],
    [
      'a fractional ceiling of major accidents',
      set([{ indicator: 'major_or_above_incidents', value: 0.5 }]),
      'TARGET_INVALID',
    ],
    ['a share above 1', set([{ indicator: 'major_or_above_share', value: 1.5 }]), 'TARGET_INVALID'],
    ['a reduction of 0 %', set([{ kind: 'reduction', value: 0, baselineYear: 2025 }]), 'TARGET_INVALID'],
    ['a reduction of 100 %', set([{ kind: 'reduction', value: 100, baselineYear: 2025 }]), 'TARGET_INVALID'],
    ['a reduction without a baseline', set([{ kind: 'reduction', value: 15 }]), 'TARGET_INVALID'],
    ['a baseline in the same year', set([{ kind: 'reduction', value: 15, baselineYear: 2026 }]), 'TARGET_INVALID'],
    ['a ceiling with a baseline', set([{ value: 3, baselineYear: 2025 }]), 'TARGET_INVALID'],
    ['the same indicator and category twice', set([{ value: 1 }, { value: 2 }]), 'TARGET_DUPLICATE'],
    ['an unknown category', set([{ category: 'mining' }]), 'TARGET_CATEGORY_UNKNOWN'],
    ['a year out of range', set([], { year: 1999 }), 'TARGET_YEAR_INVALID'],
    [
      'a vehicle death rate limited to another category',
      set([{ indicator: 'deaths_per_10k_vehicles', category: 'coal_mine' }]),
      'TARGET_INVALID',
    ],
    ['a zero denominator', set([], { denominators: { gdp100mYuan: 0, vehicles10k: null } }), 'TARGET_INVALID'],
  ])('refuses %s', (_name, command, code) => {
    expect(codeOf(command)).toBe(code);
  });

  it('the same indicator in two categories, or with and without one, is allowed', () => {
    expect(
      decide(set([{ category: 'coal_mine' }, { category: 'non_coal_mine' }, { category: null }]))[0]!.data.targets,
    ).toHaveLength(3);
  });

  it('a share of exactly 1 and a ceiling of 0 are allowed', () => {
    expect(decide(set([{ indicator: 'major_or_above_share', value: 1 }, { value: 0 }]))).toHaveLength(1);
  });

  describe('the year’s entered figures', () => {
    const withFigures = (r: Partial<TargetRecordedFigures>) => set([], { recorded: { ...noRecordedFigures(), ...r } });
    const category = (c: string, f: Partial<TargetRecordedFigures> = {}) => ({
      category: c,
      incidents: null,
      deaths: null,
      majorOrAboveIncidents: null,
      ...f,
    });

    it('carries them in the event; 0 is a figure; changing one figure is a new document', () => {
      const command = withFigures({ deaths: 0, incidents: 12, categories: [category('road_traffic', { deaths: 0 })] });
      const [event] = decide(command);
      expect(event!.data.recorded).toEqual({
        incidents: 12,
        deaths: 0,
        majorOrAboveIncidents: null,
        categories: [{ category: 'road_traffic', incidents: null, deaths: 0, majorOrAboveIncidents: null }],
      });
      const state = evolveTargetDocument(initialTargetDocumentState, event!);
      expect(decideTargetDocument(command, state)).toEqual([]);
      expect(decideTargetDocument(withFigures({ deaths: 1, incidents: 12 }), state)).toHaveLength(1);
    });

    it('an event written before figures could be entered reads as none entered', () => {
      const old = { type: 'TargetsSet' as const, data: { ...decide(set([]))[0]!.data, recorded: undefined } };
      const state = evolveTargetDocument(initialTargetDocumentState, old);
      expect(state).toMatchObject({ status: 'set', recorded: noRecordedFigures() });
      // Setting the same content again still changes nothing.
      expect(decideTargetDocument(set([]), state)).toEqual([]);
    });

    it.each([
      ['negative deaths', withFigures({ deaths: -1 }), 'TARGET_INVALID', 'recorded.deaths'],
      ['a fraction of an accident', withFigures({ incidents: 2.5 }), 'TARGET_INVALID', 'recorded.incidents'],
      ['not a number', withFigures({ deaths: Number.NaN }), 'TARGET_INVALID', 'recorded.deaths'],
      [
        'more 较大 accidents than accidents',
        withFigures({ incidents: 2, majorOrAboveIncidents: 3 }),
        'TARGET_INVALID',
        'recorded.majorOrAboveIncidents',
      ],
      [
        'a negative figure of a category',
        withFigures({ categories: [category('road_traffic', { deaths: -2 })] }),
        'TARGET_INVALID',
        'recorded.categories[0].deaths',
      ],
      [
        'an unknown category',
        withFigures({ categories: [category('mining')] }),
        'TARGET_CATEGORY_UNKNOWN',
        'recorded.categories[0].category',
      ],
      [
        'a category twice',
        withFigures({ categories: [category('coal_mine'), category('coal_mine')] }),
        'TARGET_INVALID',
        'recorded.categories[1].category',
      ],
    ])('refuses %s', (_name, command, code, path) => {
      try {
        decide(command);
        throw new Error('accepted');
      } catch (error) {
        const e = error as { code?: string; details?: { errors?: { path: string }[] } };
        expect(e.code).toBe(code);
        expect(e.details?.errors?.[0]?.path).toBe(path);
      }
    });

    it('as many 较大 accidents as accidents is allowed', () => {
      expect(decide(withFigures({ incidents: 3, majorOrAboveIncidents: 3 }))).toHaveLength(1);
    });
  });

  it('rates and shares may be fractional; counts only whole', () => {
    expect(
      decide(
        set([
          { indicator: 'deaths_per_100m_gdp', value: 0.035 },
          { indicator: 'major_or_above_share', value: 0.02 },
          { value: 3 },
        ]),
      )[0]!.data.targets,
    ).toHaveLength(3);
  });
});
