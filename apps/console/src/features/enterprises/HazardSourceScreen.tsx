import { useState } from 'react';
import type { HazardSourceView } from '@app/enterprises/contract';
import { useI18n, type Translate } from '../../i18n';
import { linkHandler } from '../../router';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { jurisdictionName } from '../labels/labels';
import { SensorPanel } from '../monitoring';
import { HazardGradeBadge } from './GradeBadge';
import { HazardSourceForm } from './HazardSourceForm';
import { figure, isAdmin, useCodeNames, useHazardHistory, useHazardSource, useJurisdictionTree } from './queries';
import { SupervisionNav } from './SupervisionNav';

/**
 * The grading rule applied to this source, in words (GB 18218-2018): below Σq/Q = 1 it is not a major hazard source;
 * otherwise R = α·Σβ·q/Q and the band R falls in gives the grade. Σβ·q/Q is summed from the substances shown above it,
 * so the reader can follow the figures.
 */
export function gradeRuleText(source: HazardSourceView, t: Translate): string {
  if (!source.isMajor || source.grade === null) return t('hazards.rule.notMajor', { sum: figure(source.sumRatio) });
  const weighted = source.substances.reduce((sum, s) => sum + s.beta * s.ratio, 0);
  return t('hazards.rule.major', {
    sum: figure(source.sumRatio),
    alpha: figure(source.alpha),
    weighted: figure(weighted),
    r: figure(source.r),
    band: t(`hazards.rule.band.${source.grade}`),
    grade: t(`hazards.grade.${source.grade}`),
  });
}

/**
 * 重大危险源 page: the unit's substances with q, Q, β and where they came from; Σq/Q, α, R and the grade with the rule
 * explained; who changed it and when; and the live sensor panel. Admins edit it and add sensors.
 */
export function HazardSourceScreen({ id, session }: { id: string; session: Session }) {
  const { t, lang } = useI18n();
  const nameOf = useCodeNames();
  const source = useHazardSource(id);
  const history = useHazardHistory(id);
  const tree = useJurisdictionTree();
  const [editing, setEditing] = useState(false);
  const admin = isAdmin(session);
  const s = source.data;
  const gradeText = (grade: HazardSourceView['grade']) =>
    grade === null ? t('hazards.notMajor') : t('hazards.gradeFull', { grade: t(`hazards.grade.${grade}`) });
  return (
    <section aria-labelledby="hazard-heading" className="supervision">
      <SupervisionNav current="hazardSources" />
      <a href="/hazard-sources" className="back" onClick={linkHandler('/hazard-sources')}>
        {t('hazards.back')}
      </a>
      {source.isLoading && <p className="muted">{t('enterprises.loading')}</p>}
      <ErrorMessage error={source.error} testId="hazard-error" />
      {s && (
        <>
          <div className="screen-head">
            <h1 id="hazard-heading" data-testid="hazard-title">
              {s.name}
            </h1>
            <HazardGradeBadge grade={s.isMajor ? s.grade : null} testId="hazard-grade" />
            {admin && !editing && (
              <button type="button" onClick={() => setEditing(true)} data-testid="hazard-edit">
                {t('hazards.edit')}
              </button>
            )}
          </div>
          {editing && (
            <HazardSourceForm
              source={s}
              onCancel={() => setEditing(false)}
              onDone={() => {
                setEditing(false);
                void source.refetch();
                void history.refetch();
              }}
            />
          )}
          <div className="supervision-columns">
            <section className="supervision-panel" aria-labelledby="hazard-figures">
              <h2 id="hazard-figures">{t('hazards.page.figures')}</h2>
              <dl className="supervision-facts" data-testid="hazard-facts">
                <dt>{t('hazards.col.enterprise')}</dt>
                <dd>
                  <a href={`/enterprises/${s.enterpriseId}`} onClick={linkHandler(`/enterprises/${s.enterpriseId}`)}>
                    {s.enterpriseName}
                  </a>
                </dd>
                <dt>{t('hazards.col.unitKind')}</dt>
                <dd>{nameOf('hazards.unitKind', s.unitKind, s.unitKindLabel)}</dd>
                <dt>{t('hazards.col.jurisdiction')}</dt>
                <dd>{jurisdictionName(tree.data ?? [], s.jurisdiction, s.jurisdictionName)}</dd>
                <dt>{t('hazards.page.exposed')}</dt>
                <dd>{t('hazards.page.exposedValue', { count: s.exposedPopulation })}</dd>
                <dt>{t('hazards.col.sumRatio')}</dt>
                <dd data-testid="hazard-sum">{figure(s.sumRatio)}</dd>
                <dt>{t('hazards.page.alpha')}</dt>
                <dd data-testid="hazard-alpha">{figure(s.alpha)}</dd>
                <dt>{t('hazards.col.r')}</dt>
                <dd data-testid="hazard-r">{s.isMajor ? figure(s.r) : '—'}</dd>
                <dt>{t('hazards.col.grade')}</dt>
                <dd>{gradeText(s.isMajor ? s.grade : null)}</dd>
              </dl>
              <p className="grade-rule" data-testid="hazard-rule">
                {gradeRuleText(s, t)}
              </p>
            </section>
            <section className="supervision-panel" aria-labelledby="hazard-history">
              <h2 id="hazard-history">{t('hazards.page.history')}</h2>
              <ErrorMessage error={history.error} testId="hazard-history-error" />
              {history.data && history.data.length === 0 && <p className="muted">{t('hazards.page.noHistory')}</p>}
              <ol className="plain-list" data-testid="hazard-history-list">
                {(history.data ?? []).map((h, i) => (
                  <li key={i} data-testid="hazard-history-entry">
                    <span className="muted">{`${formatTime(h.at)} · ${h.by}`}</span>
                    <br />
                    {t('hazards.page.historyEntry', {
                      what: h.what,
                      sum: figure(h.sumRatio),
                      r: figure(h.r),
                      grade: gradeText(h.grade),
                    })}
                  </li>
                ))}
              </ol>
            </section>
          </div>
          <section className="supervision-panel" aria-labelledby="hazard-substances">
            <h2 id="hazard-substances">{t('hazards.page.substances')}</h2>
            <table className="grid compact" data-testid="hazard-substances">
              <thead>
                <tr>
                  <th scope="col">{t('hazards.sub.cas')}</th>
                  <th scope="col">{t('hazards.sub.name')}</th>
                  <th scope="col">{t('hazards.sub.category')}</th>
                  <th scope="col">{t('hazards.sub.q')}</th>
                  <th scope="col">{t('hazards.sub.Q')}</th>
                  <th scope="col">{t('hazards.sub.beta')}</th>
                  <th scope="col">{t('hazards.sub.ratio')}</th>
                  <th scope="col">{t('hazards.sub.basis')}</th>
                </tr>
              </thead>
              <tbody>
                {s.substances.map((x, i) => (
                  <tr key={i} data-testid="hazard-substance">
                    <td>{x.casNo ?? '—'}</td>
                    <td>{x.name}</td>
                    <td>{`${x.hazardClass} ${nameOf('hazards.category', x.category, x.categoryLabel)}`}</td>
                    <td>{figure(x.quantityTonnes)}</td>
                    <td>{figure(x.criticalQuantityTonnes)}</td>
                    <td>{figure(x.beta)}</td>
                    <td>{figure(x.ratio)}</td>
                    <td>
                      {t(`hazards.basis.${x.basis}`)}
                      {lang === 'zh' && x.basisNote && <div className="small muted">{x.basisNote}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <SensorPanel hazardSourceId={s.id} canAdd={admin} />
        </>
      )}
    </section>
  );
}
