import { gradeAccident, type AccidentGrade, type GradingMeasures } from './accident-grade';

const none: GradingMeasures = { deaths: 0, missing: 0, seriousInjuries: 0, directLossYuan: 0 };
const strict = { countMissingAsDeaths: false };
const counting = { countMissingAsDeaths: true };

describe('accident grade (条例 Art. 3)', () => {
  describe('deaths alone, at every boundary', () => {
    it.each<[number, AccidentGrade]>([
      [0, 'general'],
      [2, 'general'],
      [3, 'major'],
      [9, 'major'],
      [10, 'serious'],
      [29, 'serious'],
      [30, 'especially_serious'],
      [31, 'especially_serious'],
    ])('%i deaths → %s', (deaths, grade) => {
      expect(gradeAccident({ ...none, deaths }, strict)).toBe(grade);
    });
  });

  describe('serious injuries alone, at every boundary', () => {
    it.each<[number, AccidentGrade]>([
      [9, 'general'],
      [10, 'major'],
      [49, 'major'],
      [50, 'serious'],
      [99, 'serious'],
      [100, 'especially_serious'],
    ])('%i serious injuries → %s', (seriousInjuries, grade) => {
      expect(gradeAccident({ ...none, seriousInjuries }, strict)).toBe(grade);
    });
  });

  describe('direct loss alone, at every boundary', () => {
    it.each<[number, AccidentGrade]>([
      [9_999_999, 'general'],
      [10_000_000, 'major'],
      [49_999_999, 'major'],
      [50_000_000, 'serious'],
      [99_999_999, 'serious'],
      [100_000_000, 'especially_serious'],
    ])('%i yuan → %s', (directLossYuan, grade) => {
      expect(gradeAccident({ ...none, directLossYuan }, strict)).toBe(grade);
    });

    it('an unknown loss counts as none', () => {
      expect(gradeAccident({ ...none, directLossYuan: null }, strict)).toBe('general');
      expect(gradeAccident({ deaths: 0, missing: 0, seriousInjuries: 0 }, strict)).toBe('general');
    });
  });

  describe('combined measures: the highest grade any measure reaches', () => {
    it('just-below values in every measure stay general', () => {
      expect(gradeAccident({ deaths: 2, missing: 0, seriousInjuries: 9, directLossYuan: 9_999_999 }, strict)).toBe(
        'general',
      );
    });
    it('one measure at major lifts the whole accident', () => {
      expect(gradeAccident({ deaths: 2, missing: 0, seriousInjuries: 10, directLossYuan: 0 }, strict)).toBe('major');
    });
    it('loss at serious beats deaths at major', () => {
      expect(gradeAccident({ deaths: 5, missing: 0, seriousInjuries: 0, directLossYuan: 50_000_000 }, strict)).toBe(
        'serious',
      );
    });
    it('deaths at especially serious beat everything else', () => {
      expect(gradeAccident({ deaths: 30, missing: 0, seriousInjuries: 60, directLossYuan: 60_000_000 }, strict)).toBe(
        'especially_serious',
      );
    });
  });

  describe('missing persons, a per-jurisdiction setting', () => {
    it('count with the dead where the jurisdiction says so', () => {
      expect(gradeAccident({ ...none, deaths: 2, missing: 1 }, counting)).toBe('major');
      expect(gradeAccident({ ...none, deaths: 9, missing: 1 }, counting)).toBe('serious');
    });
    it('do not count where it does not', () => {
      expect(gradeAccident({ ...none, deaths: 2, missing: 1 }, strict)).toBe('general');
    });
  });
});
