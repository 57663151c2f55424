import { useMemo, useState } from 'react';
import {
  DeadlineCountdown,
  DrillMarker,
  GradeBadge,
  LevelBadge,
  StatusBadge,
  nextPendingDeadline,
  useNow,
} from '../../components';
import { categoryLabel, useI18n } from '../../i18n';
import { navigate } from '../../router';
import { flattenJurisdictions, useStore } from '../../store';
import { formatTime } from '../../time';

export function BoardScreen() {
  const { t, lang } = useI18n();
  const { state } = useStore();
  const now = useNow();
  const [status, setStatus] = useState<'all' | 'open' | 'closed'>('all');
  const [jurisdiction, setJurisdiction] = useState('all');
  const [drill, setDrill] = useState<'all' | 'real' | 'drill'>('all');
  const places = useMemo(() => flattenJurisdictions(state.jurisdictions), [state.jurisdictions]);

  const rows = useMemo(() => {
    // A jurisdiction filter includes the levels below it.
    const within = (code: string) =>
      jurisdiction === 'all' || ancestors(state.jurisdictions, code).includes(jurisdiction);
    return Object.values(state.incidents)
      .filter((i) => status === 'all' || i.status === status)
      .filter((i) => within(i.jurisdiction))
      .filter((i) => drill === 'all' || (drill === 'drill') === Boolean(i.drillId))
      .sort((a, b) =>
        a.status !== b.status ? (a.status === 'open' ? -1 : 1) : Date.parse(b.reportedAt) - Date.parse(a.reportedAt),
      );
  }, [state.incidents, state.jurisdictions, status, jurisdiction, drill]);

  return (
    <section aria-labelledby="board-heading">
      <div className="screen-head">
        <h1 id="board-heading">{t('board.title')}</h1>
        <div className="filters">
          <label htmlFor="filter-status">{t('filter.status')}</label>
          <select
            id="filter-status"
            data-testid="filter-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="all">{t('filter.all')}</option>
            <option value="open">{t('status.open')}</option>
            <option value="closed">{t('status.closed')}</option>
          </select>
          <label htmlFor="filter-jurisdiction">{t('filter.jurisdiction')}</label>
          <select
            id="filter-jurisdiction"
            data-testid="filter-jurisdiction"
            value={jurisdiction}
            onChange={(e) => setJurisdiction(e.target.value)}>
            <option value="all">{t('filter.all')}</option>
            {places.map((p) => (
              <option key={p.code} value={p.code}>
                {'\u3000'.repeat(p.depth)}
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor="filter-drill">{t('filter.drill')}</label>
          <select
            id="filter-drill"
            data-testid="filter-drill"
            value={drill}
            onChange={(e) => setDrill(e.target.value as typeof drill)}>
            <option value="all">{t('filter.all')}</option>
            <option value="real">{t('filter.real')}</option>
            <option value="drill">{t('filter.drillOnly')}</option>
          </select>
        </div>
      </div>
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
          {rows.map((i) => (
            <tr
              key={i.id}
              data-testid="incident-row"
              data-incident-id={i.id}
              data-grade={i.grade}
              data-status={i.status}
              tabIndex={0}
              className="clickable"
              onClick={() => navigate(`/incidents/${i.id}`)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  navigate(`/incidents/${i.id}`);
                }
              }}>
              <td className="title-cell">
                {i.drillId && <DrillMarker />} <span className="incident-title">{i.title}</span>
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
                  <DeadlineCountdown deadline={nextPendingDeadline(i)} now={now} />
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>{formatTime(i.reportedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {state.incidentsLoaded && rows.length === 0 && <p className="empty">{t('board.empty')}</p>}
    </section>
  );
}

function ancestors(tree: { code: string; children: unknown[] }[], code: string): string[] {
  type Node = { code: string; children: Node[] };
  const walk = (nodes: Node[], path: string[]): string[] | null => {
    for (const n of nodes) {
      if (n.code === code) return [...path, n.code];
      const found = walk(n.children, [...path, n.code]);
      if (found) return found;
    }
    return null;
  };
  return walk(tree as Node[], []) ?? [code];
}
