import { useEffect, useMemo, useState } from 'react';
import type { IncidentView } from '@app/incidents/contract';
import type { JurisdictionNode } from '@app/shared/contract';
import {
  DeadlineCountdown,
  DrillMarker,
  GradeBadge,
  LevelBadge,
  StatusBadge,
  nextPendingDeadline,
  useNow,
} from '../../components';
import { CATEGORIES, categoryLabel, LEGACY_CATEGORIES, useI18n, type Lang, type MessageKey } from '../../i18n';
import { navigate } from '../../router';
import { flattenJurisdictions, useStore } from '../../store';
import { TIME_ZONE } from '../../time';
import { DEFAULT_FILTER, windowStart, type BoardFilter } from './board-model';
import { useBoard } from './useBoard';
import './board.css';

const GRADES: IncidentView['grade'][] = ['especially_serious', 'serious', 'major', 'general'];
const WINDOWS: { hours: number; key: MessageKey }[] = [
  { hours: 48, key: 'board.filter.within48h' },
  { hours: 24 * 7, key: 'board.filter.within7d' },
  { hours: 24 * 30, key: 'board.filter.within30d' },
];
/** Typing in the search box asks the server once the officer pauses. */
const SEARCH_PAUSE_MS = 350;

/** 事故看板 as routed: the jurisdiction tree comes from the console's store. */
export function BoardScreen() {
  const { state } = useStore();
  return <Board jurisdictions={state.jurisdictions} />;
}

/**
 * The board pages through the server's filtered list, open incidents first by urgency, and says how many match; the
 * filters are the server's (nothing is filtered in the browser), live deltas keep the loaded rows current.
 */
export function Board({ jurisdictions }: { jurisdictions: JurisdictionNode[] }) {
  const { t, lang } = useI18n();
  const now = useNow();
  const [filter, setFilter] = useState<BoardFilter>(DEFAULT_FILTER);
  const [typed, setTyped] = useState('');
  const places = useMemo(() => flattenJurisdictions(jurisdictions), [jurisdictions]);
  const board = useBoard(filter, jurisdictions);
  const set = <K extends keyof BoardFilter>(key: K, value: BoardFilter[K]) =>
    setFilter((f) => (f[key] === value ? f : { ...f, [key]: value }));

  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => (f.q === typed ? f : { ...f, q: typed })), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  return (
    <section aria-labelledby="board-heading">
      <div className="screen-head">
        <h1 id="board-heading">{t('board.title')}</h1>
        <div className="filters">
          <label htmlFor="filter-status">{t('filter.status')}</label>
          <select
            id="filter-status"
            data-testid="filter-status"
            value={filter.status}
            onChange={(e) => set('status', e.target.value as BoardFilter['status'])}>
            <option value="all">{t('filter.all')}</option>
            <option value="open">{t('status.open')}</option>
            <option value="closed">{t('status.closed')}</option>
          </select>
          <label htmlFor="filter-jurisdiction">{t('filter.jurisdiction')}</label>
          <select
            id="filter-jurisdiction"
            data-testid="filter-jurisdiction"
            value={filter.jurisdiction}
            onChange={(e) => set('jurisdiction', e.target.value)}>
            <option value="all">{t('filter.all')}</option>
            {places.map((p) => (
              <option key={p.code} value={p.code}>
                {'\u3000'.repeat(p.depth)}
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor="filter-grade">{t('board.filter.grade')}</label>
          <select
            id="filter-grade"
            data-testid="filter-grade"
            value={filter.grade}
            onChange={(e) => set('grade', e.target.value as BoardFilter['grade'])}>
            <option value="all">{t('filter.all')}</option>
            {GRADES.map((g) => (
              <option key={g} value={g}>
                {t(`grade.${g}` as MessageKey)}
              </option>
            ))}
          </select>
          <label htmlFor="filter-category">{t('board.filter.category')}</label>
          <select
            id="filter-category"
            data-testid="filter-category"
            value={filter.category}
            onChange={(e) => set('category', e.target.value)}>
            <option value="all">{t('filter.all')}</option>
            {[...CATEGORIES, ...LEGACY_CATEGORIES].map((c) => (
              <option key={c.code} value={c.code}>
                {c[lang]}
              </option>
            ))}
          </select>
          <label htmlFor="filter-drill">{t('filter.drill')}</label>
          <select
            id="filter-drill"
            data-testid="filter-drill"
            value={filter.drill}
            onChange={(e) => set('drill', e.target.value as BoardFilter['drill'])}>
            <option value="real">{t('filter.real')}</option>
            <option value="drill">{t('filter.drillOnly')}</option>
            <option value="all">{t('filter.all')}</option>
          </select>
          <label htmlFor="filter-received">{t('board.filter.received')}</label>
          <select
            id="filter-received"
            data-testid="filter-received"
            value={String(filter.withinHours)}
            onChange={(e) => {
              const hours = Number(e.target.value);
              const since = windowStart(hours, Date.now());
              setFilter((f) => ({ ...f, withinHours: hours, since }));
            }}>
            <option value="0">{t('filter.all')}</option>
            {WINDOWS.map((w) => (
              <option key={w.hours} value={String(w.hours)}>
                {t(w.key)}
              </option>
            ))}
          </select>
          {/* Label and box wrap together when the filters take two lines. */}
          <span className="board-search">
            <label htmlFor="filter-q">{t('board.filter.search')}</label>
            <input
              id="filter-q"
              data-testid="filter-q"
              type="search"
              maxLength={100}
              placeholder={t('board.filter.searchHint')}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </span>
        </div>
      </div>
      {board.total !== null && board.open !== null && (
        <p className="board-count" data-testid="board-count" aria-live="polite">
          {t('board.count', { total: board.total, open: board.open })}
        </p>
      )}
      <table className="grid board">
        <thead>
          <tr>
            <th scope="col">{t('col.title')}</th>
            <th scope="col">{t('col.category')}</th>
            <th scope="col">{t('col.jurisdiction')}</th>
            <th scope="col">{t('col.grade')}</th>
            <th scope="col">{t('col.level')}</th>
            <th scope="col">{t('col.status')}</th>
            <th scope="col">{t('col.deadline')}</th>
            <th scope="col">{t('col.reportedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {board.rows.map((i) => {
            const next = i.status === 'open' ? nextPendingDeadline(i) : null;
            const overdue = next !== null && Date.parse(next.dueAt) < now;
            return (
              <tr
                key={i.id}
                data-testid="incident-row"
                data-incident-id={i.id}
                data-grade={i.grade}
                data-status={i.status}
                data-overdue={overdue ? 'true' : 'false'}
                tabIndex={0}
                className={overdue ? 'clickable board-overdue' : 'clickable'}
                onClick={() => navigate(`/incidents/${i.id}`)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    navigate(`/incidents/${i.id}`);
                  }
                }}>
                <td className="title-cell">
                  {i.drillId && <DrillMarker />} <span className="incident-title">{i.title}</span>
                  {overdue && <span className="sr-only">{t('board.overdue')}</span>}
                </td>
                <td>{categoryLabel(i.category, lang, i.categoryLabel)}</td>
                <td>{i.jurisdictionName}</td>
                <td>
                  <GradeBadge grade={i.grade} />
                </td>
                <td>
                  <LevelBadge level={i.responseLevel} />
                </td>
                <td>
                  <StatusBadge status={i.status} />
                </td>
                <td>
                  {i.status === 'open' ? (
                    <DeadlineCountdown deadline={next} now={now} />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>{receivedText(i.receivedAt, lang, now)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {board.loading && <p className="muted">{t('board.loading')}</p>}
      {board.error && (
        <p className="error" role="alert" data-testid="board-error">
          {t('board.loadFailed')}{' '}
          <button type="button" onClick={board.retry}>
            {t('board.retry')}
          </button>
        </p>
      )}
      {!board.loading && !board.error && board.rows.length === 0 && <p className="empty">{t('board.empty')}</p>}
      {board.rows.length > 0 && (
        <div className="board-more">
          <span className="muted" data-testid="board-shown">
            {board.hasMore ? t('board.shown', { shown: board.rows.length }) : t('board.allShown')}
          </span>
          {board.hasMore && (
            <button type="button" data-testid="board-load-more" disabled={board.loadingMore} onClick={board.loadMore}>
              {board.loadingMore ? t('board.loadingMore') : t('board.loadMore')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** 接报时间 in the jurisdiction's zone; the year is shown when it is not this year (a year of data is on the board). */
function receivedText(iso: string, lang: Lang, now: number): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const year = (d: Date) => new Intl.DateTimeFormat('en', { timeZone: TIME_ZONE, year: 'numeric' }).format(d);
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: TIME_ZONE,
    year: year(at) === year(new Date(now)) ? undefined : 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}
