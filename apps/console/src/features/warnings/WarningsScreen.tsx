import { useState } from 'react';
import type { WarningLevel, WarningStatus, WarningView } from '@app/warnings/contract';
import { useNow } from '../../components';
import { useI18n } from '../../i18n';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { useLabels } from '../labels/labels';
import { useDrills, useWarning, useWarnings } from './use-warnings';
import { WarningDetail } from './WarningDetail';
import { WarningForm } from './WarningForm';
import { WARNING_LEVELS, mayIssue, statusAt, type WarningFilter } from './warning-model';
import './warnings.css';

const STATUSES: readonly WarningStatus[] = ['active', 'lifted', 'expired'];

/**
 * 预警发布: the warnings of the user's jurisdictions, in force first; issue (发布), adjust (调整) and lift (解除) for
 * the roles that may; each warning's history and its CAP 1.2 message. Drill warnings appear only when a drill is
 * chosen, and are marked 演练.
 */
export function WarningsScreen({ session }: { session: Session }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<WarningFilter>({ status: 'all', level: 'all', drillId: null });
  const [selected, setSelected] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  /** Said once a new warning is issued: in its detail panel when the answer named it, above the list otherwise. */
  const [issued, setIssued] = useState<{ id: string | null; text: string } | null>(null);
  const list = useWarnings(filter);
  const drills = useDrills();
  const fromList = list.data?.find((w) => w.id === selected);
  const detail = useWarning(selected, fromList);
  const current = fromList ?? detail.data;
  const canIssue = mayIssue(session, filter.drillId !== null);

  return (
    <section
      className="screen warnings-screen"
      data-testid="warnings-screen"
      data-loaded={list.isSuccess ? 'true' : 'false'}>
      <div className="screen-head">
        <h1>{t('warnings.title')}</h1>
        <div className="filters">
          <label htmlFor="warnings-filter-status">{t('warnings.filter.status')}</label>
          <StatusSelect value={filter.status} onChange={(status) => setFilter((f) => ({ ...f, status }))} />
          <label htmlFor="warnings-filter-level">{t('warnings.filter.level')}</label>
          <LevelSelect value={filter.level} onChange={(level) => setFilter((f) => ({ ...f, level }))} />
          <label htmlFor="warnings-filter-drill">{t('warnings.filter.drill')}</label>
          <select
            id="warnings-filter-drill"
            data-testid="warnings-filter-drill"
            value={filter.drillId ?? ''}
            onChange={(e) => {
              setFilter((f) => ({ ...f, drillId: e.target.value || null }));
              setIssuing(false);
            }}>
            <option value="">{t('warnings.filter.real')}</option>
            {(drills.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {t('warnings.filter.drillOption', { title: d.title })}
              </option>
            ))}
          </select>
          {canIssue && !issuing && (
            <button
              type="button"
              className="primary"
              data-testid="warnings-issue-open"
              onClick={() => {
                setIssuing(true);
                setIssued(null);
              }}>
              {t(filter.drillId ? 'warnings.issue.openDrill' : 'warnings.issue.open')}
            </button>
          )}
        </div>
      </div>
      {!canIssue && (
        <p className="small muted" data-testid="warnings-read-only">
          {t(
            filter.drillId
              ? 'warnings.readOnlyDrill'
              : mayIssue(session, true)
                ? 'warnings.readOnlyCoordinator'
                : 'warnings.readOnly',
          )}
        </p>
      )}
      {issued && issued.id === null && (
        <p className="feedback ok" role="status" data-testid="warnings-issued">
          {issued.text}
        </p>
      )}
      {issuing && canIssue && (
        <WarningForm
          session={session}
          drillId={filter.drillId}
          onDone={(warning) => {
            setIssuing(false);
            setIssued({ id: warning?.id ?? null, text: t('warnings.issue.done') });
            if (warning) setSelected(warning.id);
          }}
          onCancel={() => setIssuing(false)}
        />
      )}
      <div className={current ? 'warnings-layout with-detail' : 'warnings-layout'}>
        <div className="panel warnings-list">
          {list.isPending && <p className="muted">{t('warnings.loading')}</p>}
          {list.isError && <ErrorMessage error={list.error} testId="warnings-load-error" />}
          {list.isSuccess && list.data.length === 0 && (
            <p className="empty" data-testid="warnings-empty">
              {t('warnings.empty')}
            </p>
          )}
          {list.isSuccess && list.data.length > 0 && (
            <WarningTable warnings={list.data} selected={selected} onSelect={setSelected} />
          )}
        </div>
        {current && (
          <WarningDetail
            key={current.id}
            session={session}
            warning={current}
            notice={issued?.id === current.id ? issued.text : null}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
    </section>
  );
}

function StatusSelect({
  value,
  onChange,
}: {
  value: WarningFilter['status'];
  onChange: (v: WarningFilter['status']) => void;
}) {
  const { t } = useI18n();
  const { label } = useLabels();
  return (
    <select
      id="warnings-filter-status"
      data-testid="warnings-filter-status"
      value={value}
      onChange={(e) => onChange(e.target.value as WarningFilter['status'])}>
      <option value="all">{t('warnings.filter.all')}</option>
      {STATUSES.map((s) => (
        <option key={s} value={s}>
          {label('warningStatus', s)}
        </option>
      ))}
    </select>
  );
}

function LevelSelect({
  value,
  onChange,
}: {
  value: WarningFilter['level'];
  onChange: (v: WarningFilter['level']) => void;
}) {
  const { t } = useI18n();
  const { label } = useLabels();
  return (
    <select
      id="warnings-filter-level"
      data-testid="warnings-filter-level"
      value={value}
      onChange={(e) => onChange(e.target.value as WarningLevel | 'all')}>
      <option value="all">{t('warnings.filter.all')}</option>
      {WARNING_LEVELS.map((l) => (
        <option key={l} value={l}>
          {label('warningLevel', l)}
        </option>
      ))}
    </select>
  );
}

function WarningTable({
  warnings,
  selected,
  onSelect,
}: {
  warnings: WarningView[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const { label } = useLabels();
  const now = useNow(15_000);
  return (
    <table className="grid warnings-table" data-testid="warnings-table">
      <thead>
        <tr>
          <th>{t('warnings.col.level')}</th>
          <th>{t('warnings.col.hazard')}</th>
          <th>{t('warnings.col.area')}</th>
          <th>{t('warnings.col.period')}</th>
          <th>{t('warnings.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {warnings.map((w) => {
          const status = statusAt(w, now);
          return (
            <tr
              key={w.id}
              className={`clickable warning-row status-${status} ${selected === w.id ? 'selected' : ''}`}
              data-testid="warning-row"
              data-warning-id={w.id}
              data-level={w.level}
              data-status={status}
              tabIndex={0}
              aria-selected={selected === w.id}
              onClick={() => onSelect(w.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(w.id);
                }
              }}>
              <td className="nowrap">
                <span className={`badge warning-level-${w.level}`} data-testid="warning-level">
                  {label('warningLevel', w.level, w.levelLabel)}
                </span>
              </td>
              <td className="title-cell">
                <span data-testid="warning-hazard">{w.hazard}</span>
                {w.drillId && (
                  <span className="badge warning-drill" data-testid="warning-drill-mark">
                    {t('warnings.drillMark')}
                  </span>
                )}
              </td>
              <td className="warning-area-cell">
                <span data-testid="warning-area">{w.area.description}</span>
                <div className="small muted">{w.jurisdictionName}</div>
              </td>
              <td className="nowrap warning-period">
                <Bound word={t('warnings.col.from')} testId="warning-effective" at={w.effective} zone={w.timeZone} />
                <Bound word={t('warnings.col.until')} testId="warning-expires" at={w.expires} zone={w.timeZone} />
              </td>
              <td className="nowrap" data-testid="warning-status">
                {label('warningStatus', status)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** One end of the period in force: the time, and the word Chinese puts after it (起, 止) and English before it. */
function Bound({ word, testId, at, zone }: { word: string; testId: string; at: string; zone: string }) {
  const { lang } = useI18n();
  const time = <span data-testid={testId}>{formatTime(at, false, { zone })}</span>;
  const said = <span className="muted">{word}</span>;
  return lang === 'zh' ? (
    <div>
      {time} {said}
    </div>
  ) : (
    <div>
      {said} {time}
    </div>
  );
}
