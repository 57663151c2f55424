import { useMemo, useState } from 'react';
import type { JurisdictionNode } from '@app/shared/contract';
import { activeTimeZone } from '../../app/locale';
import { useI18n } from '../../i18n';
import { jurisdictionsWithin } from '../../store';
import type { Session } from '../../ui-types';
import { presetSpan, spanInstants, validSpan, type DateSpan, type PeriodPreset } from './period';

export interface PeriodChoice {
  preset: PeriodPreset;
  /** The dates of a custom period as typed (ignored for the presets). */
  custom: DateSpan;
}

/** The dates a choice covers now, in `zone`; null for a custom period that is not a valid span yet. */
export function spanOf(choice: PeriodChoice, zone: string, now: Date = new Date()): DateSpan | null {
  if (choice.preset !== 'custom') return presetSpan(choice.preset, zone, now);
  return validSpan(choice.custom) ? choice.custom : null;
}

const PRESETS: Exclude<PeriodPreset, 'custom'>[] = ['thisMonth', 'thisYear', 'lastYear'];

/** 本月 / 本年 / 上年 as buttons, or two dates of one's own; the dates of the chosen period are always shown. */
export function PeriodFilter({
  idPrefix,
  value,
  zone,
  onChange,
  disabled = false,
}: {
  idPrefix: string;
  value: PeriodChoice;
  zone: string;
  onChange: (next: PeriodChoice) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const span = spanOf(value, zone);
  const choose = (preset: PeriodPreset) => {
    // A custom period starts from the dates shown, so switching to it changes nothing until a date is edited.
    const shown = spanOf(value, zone);
    onChange({ preset, custom: preset === 'custom' && shown ? shown : value.custom });
  };
  return (
    <fieldset className="period-filter" disabled={disabled}>
      <legend className="period-legend">{t('statistics.period')}</legend>
      <div className="chips" role="group" aria-label={t('statistics.period')}>
        {[...PRESETS, 'custom' as const].map((preset) => (
          <button
            key={preset}
            type="button"
            className={value.preset === preset ? 'chip chip-on' : 'chip'}
            aria-pressed={value.preset === preset}
            data-testid={`${idPrefix}-period-${preset}`}
            onClick={() => choose(preset)}>
            {t(`statistics.period.${preset}`)}
          </button>
        ))}
      </div>
      {value.preset === 'custom' ? (
        <span className="period-dates">
          <label htmlFor={`${idPrefix}-first`}>{t('statistics.period.first')}</label>
          <input
            id={`${idPrefix}-first`}
            data-testid={`${idPrefix}-first`}
            type="date"
            value={value.custom.first}
            onChange={(e) => onChange({ ...value, custom: { ...value.custom, first: e.target.value } })}
          />
          <label htmlFor={`${idPrefix}-last`}>{t('statistics.period.last')}</label>
          <input
            id={`${idPrefix}-last`}
            data-testid={`${idPrefix}-last`}
            type="date"
            value={value.custom.last}
            onChange={(e) => onChange({ ...value, custom: { ...value.custom, last: e.target.value } })}
          />
          {!span && (
            <span className="field-error" role="alert">
              {t('statistics.period.invalid')}
            </span>
          )}
        </span>
      ) : (
        span && (
          <span className="muted period-dates" data-testid={`${idPrefix}-span`}>
            {t('statistics.period.span', { first: span.first, last: span.last })}
          </span>
        )
      )}
    </fieldset>
  );
}

/**
 * What a report screen is asked about: a jurisdiction among the user's own and those below (the user's own first) and
 * a period in the console's zone, with the span as dates and as the instants sent to the server (null while invalid).
 */
export function useReportScope(session: Session, jurisdictions: JurisdictionNode[], preset: PeriodPreset) {
  const zone = activeTimeZone();
  const places = useMemo(
    () => jurisdictionsWithin(jurisdictions, session.user.jurisdiction),
    [jurisdictions, session.user.jurisdiction],
  );
  const [jurisdiction, setJurisdiction] = useState(session.user.jurisdiction);
  const [period, setPeriod] = useState<PeriodChoice>({ preset, custom: { first: '', last: '' } });
  const span = spanOf(period, zone);
  const instants = span ? spanInstants(span, zone) : null;
  return { zone, places, jurisdiction, setJurisdiction, period, setPeriod, span, instants };
}
