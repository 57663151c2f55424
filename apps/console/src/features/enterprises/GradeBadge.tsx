import { useLayoutEffect, useRef } from 'react';
import type { HazardGrade } from '@app/enterprises/contract';
import { useI18n } from '../../i18n';
import { HAZARD_GRADE_STYLES } from '../map/layers/styles';

/** Dark text on the light fills (三级's yellow), white on the others, so the grade's name stays readable. */
const DARK_TEXT: ReadonlySet<HazardGrade> = new Set([3]);

/**
 * A hazard source's grade as a coloured badge. The colour is the map's (`HAZARD_GRADE_STYLES`), set as a property of
 * the element rather than an inline style attribute, so a grade looks the same in the registers, on a page and on the
 * map, and the content security policy's ban on inline styles holds.
 */
export function HazardGradeBadge({ grade, testId }: { grade: HazardGrade | null; testId?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (grade === null) {
      el.style.removeProperty('background-color');
      el.style.removeProperty('border-color');
      el.style.removeProperty('color');
      return;
    }
    const style = HAZARD_GRADE_STYLES[`${grade}`];
    el.style.backgroundColor = style.fill;
    el.style.borderColor = style.fill;
    el.style.color = DARK_TEXT.has(grade) ? '#111827' : '#ffffff';
  }, [grade]);
  return (
    <span
      ref={ref}
      className={grade === null ? 'badge hazard-grade hazard-grade-none' : 'badge hazard-grade'}
      data-testid={testId}
      data-grade={grade ?? ''}>
      {grade === null ? t('hazards.notMajor') : t(`hazards.grade.${grade}`)}
    </span>
  );
}
