import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { HiddenHazardView } from '@app/hidden-hazards/contract';
import { useLiveMessages } from '../../app/live-events';
import { useNow } from '../../components';
import { useI18n } from '../../i18n';
import { linkHandler, navigate } from '../../router';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { SupervisionNav } from '../enterprises';
import { useEnterprises } from '../enterprises/queries';
import { ErrorMessage } from '../errors/ErrorMessage';
import { HiddenHazardForm } from './HiddenHazardForm';
import { HiddenHazardSummary } from './HiddenHazardSummary';
import {
  deadlineWords,
  hiddenHazardKey,
  isOverdue,
  mayRecord,
  STATUSES,
  useHazardNames,
  useHiddenHazards,
} from './queries';
import './hidden-hazards.css';

/**
 * 隐患排查治理台账: the hidden hazards of the caller's jurisdictions with their enterprise, grade, 挂牌督办 level,
 * deadline and how long is left (or how long overdue), filtered by status, grade, enterprise and overdue only; the
 * summary with the 整改率 per enterprise and jurisdiction underneath. The watch records a hazard from here.
 */
export function HiddenHazardsScreen({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const nameOf = useHazardNames();
  const client = useQueryClient();
  const now = useNow(60_000);
  const [status, setStatus] = useState('');
  const [grade, setGrade] = useState('');
  const [enterpriseId, setEnterpriseId] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [recording, setRecording] = useState(false);
  const enterprises = useEnterprises();
  const list = useHiddenHazards({ status, grade, overdue, enterpriseId });
  useLiveMessages(['hidden_hazard.changed'], (m) => {
    const view = m.data as HiddenHazardView | null;
    if (view?.id) client.setQueryData(hiddenHazardKey(view.id), view);
    void client.invalidateQueries({ queryKey: ['hidden-hazards', 'list'] });
    void client.invalidateQueries({ queryKey: ['hidden-hazards', 'summary'] });
  });
  return (
    <section aria-labelledby="hh-heading" className="supervision">
      <SupervisionNav current="hiddenHazards" />
      <div className="screen-head">
        <h1 id="hh-heading">{t('hiddenHazards.title')}</h1>
        <div className="filters">
          <label htmlFor="hh-filter-status">{t('hiddenHazards.filter.status')}</label>
          <select
            id="hh-filter-status"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            data-testid="hh-filter-status">
            <option value="">{t('hiddenHazards.filter.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`hiddenHazards.status.${s}`)}
              </option>
            ))}
          </select>
          <label htmlFor="hh-filter-grade">{t('hiddenHazards.filter.grade')}</label>
          <select
            id="hh-filter-grade"
            value={grade}
            onChange={(e) => setGrade(e.target.value)}
            data-testid="hh-filter-grade">
            <option value="">{t('hiddenHazards.filter.all')}</option>
            <option value="general">{t('hiddenHazards.grade.general')}</option>
            <option value="major">{t('hiddenHazards.grade.major')}</option>
          </select>
          <label htmlFor="hh-filter-enterprise">{t('hiddenHazards.filter.enterprise')}</label>
          <select
            id="hh-filter-enterprise"
            value={enterpriseId}
            onChange={(e) => setEnterpriseId(e.target.value)}
            data-testid="hh-filter-enterprise">
            <option value="">{t('hiddenHazards.filter.all')}</option>
            {(enterprises.data ?? []).map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={overdue}
              onChange={(e) => setOverdue(e.target.checked)}
              data-testid="hh-filter-overdue"
            />
            {t('hiddenHazards.filter.overdue')}
          </label>
          {mayRecord(session) && !recording && (
            <button type="button" className="primary" onClick={() => setRecording(true)} data-testid="hh-record">
              {t('hiddenHazards.record')}
            </button>
          )}
        </div>
      </div>
      {recording && (
        <HiddenHazardForm
          onCancel={() => setRecording(false)}
          onDone={(id) => {
            setRecording(false);
            if (id) navigate(`/hidden-hazards/${id}`);
          }}
        />
      )}
      <ErrorMessage error={list.error} testId="hh-error" />
      {list.isLoading ? (
        <p className="muted">{t('hiddenHazards.loading')}</p>
      ) : (
        <table className="grid" data-testid="hh-table">
          <thead>
            <tr>
              <th scope="col">{t('hiddenHazards.col.title')}</th>
              <th scope="col">{t('hiddenHazards.col.enterprise')}</th>
              <th scope="col">{t('hiddenHazards.col.grade')}</th>
              <th scope="col">{t('hiddenHazards.col.supervision')}</th>
              <th scope="col">{t('hiddenHazards.col.deadline')}</th>
              <th scope="col">{t('hiddenHazards.col.left')}</th>
              <th scope="col">{t('hiddenHazards.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {(list.data ?? []).map((h) => {
              const late = isOverdue(h, now);
              const words = deadlineWords(h, now, t, lang);
              return (
                <tr
                  key={h.id}
                  data-testid="hh-row"
                  data-hazard-id={h.id}
                  data-overdue={late ? 'true' : undefined}
                  className={late ? 'hh-row-overdue' : ''}>
                  <td className="title-cell">
                    <a href={`/hidden-hazards/${h.id}`} onClick={linkHandler(`/hidden-hazards/${h.id}`)}>
                      {h.title}
                    </a>
                  </td>
                  <td>{h.enterpriseName}</td>
                  <td>
                    <span className={`hh-grade hh-grade-${h.grade}`}>{nameOf('grade', h.grade, h.gradeLabel)}</span>
                  </td>
                  <td data-testid="hh-supervision-cell">
                    {h.supervision ? (
                      nameOf('level', h.supervision.level, h.supervision.levelLabel)
                    ) : (
                      <span className="muted">{t('hiddenHazards.notSupervised')}</span>
                    )}
                  </td>
                  <td>{formatTime(h.rectification.deadline)}</td>
                  <td data-testid="hh-left-cell" className={late ? 'hh-overdue' : ''}>
                    {words ??
                      (h.rectifiedAt
                        ? t('hiddenHazards.doneAt', { time: formatTime(h.rectifiedAt) })
                        : t('hiddenHazards.noDeadlineWords'))}
                  </td>
                  <td data-testid="hh-status-cell">{nameOf('status', h.status, h.statusLabel)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {list.data && list.data.length === 0 && (
        <p className="muted" data-testid="hh-empty">
          {t('hiddenHazards.empty')}
        </p>
      )}
      <HiddenHazardSummary />
    </section>
  );
}
