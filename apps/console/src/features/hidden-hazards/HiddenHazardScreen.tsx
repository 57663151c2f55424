import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { HiddenHazardView, SupervisionLevel } from '@app/hidden-hazards/contract';
import { command, isAccepted } from '../../api';
import { useLiveMessages } from '../../app/live-events';
import { useNow } from '../../components';
import { useI18n, type MessageKey } from '../../i18n';
import { linkHandler } from '../../router';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { SupervisionNav } from '../enterprises';
import { useJurisdictionTree } from '../enterprises/queries';
import { ErrorMessage } from '../errors/ErrorMessage';
import {
  deadlineWords,
  hiddenHazardKey,
  isOverdue,
  levelMayVerify,
  mayRecord,
  mayVerify,
  maySupervise,
  supervisableLevels,
  useHazardNames,
  useHiddenHazard,
} from './queries';
import './hidden-hazards.css';

type Action = 'supervise' | 'rectify' | 'verify' | 'close';

/**
 * One hidden hazard as a record reads: the finding, the rectification plan, 挂牌督办, the 验收 history and 销号, all in
 * words and local times; underneath, the steps the hazard's state allows and the user's role holds — 挂牌督办 for a
 * commander (at a level no higher than the commander's own), 报告整改完成 for the watch, 验收 and 销号 for a commander of
 * the supervising level or above.
 */
export function HiddenHazardScreen({ id, session }: { id: string; session: Session }) {
  const { t, lang } = useI18n();
  const nameOf = useHazardNames();
  const client = useQueryClient();
  const now = useNow(60_000);
  const hazard = useHiddenHazard(id);
  const tree = useJurisdictionTree();
  useLiveMessages(['hidden_hazard.changed'], (m) => {
    const view = m.data as HiddenHazardView | null;
    if (view?.id === id) client.setQueryData(hiddenHazardKey(id), view);
  });
  const h = hazard.data;
  return (
    <section aria-labelledby="hh-detail-heading" className="supervision">
      <SupervisionNav current="hiddenHazards" />
      <p>
        <a href="/hidden-hazards" onClick={linkHandler('/hidden-hazards')} data-testid="hh-back">
          {t('hiddenHazards.detail.back')}
        </a>
      </p>
      <ErrorMessage error={hazard.error} testId="hh-detail-error" />
      {hazard.isLoading && <p className="muted">{t('hiddenHazards.detail.loading')}</p>}
      {h && (
        <>
          <div className="screen-head hh-head">
            <h1 id="hh-detail-heading" data-testid="hh-detail-title">
              {h.title}
            </h1>
            <span className={`hh-grade hh-grade-${h.grade}`} data-testid="hh-detail-grade">
              {nameOf('grade', h.grade, h.gradeLabel)}
            </span>
            <span className="hh-status" data-testid="hh-detail-status">
              {nameOf('status', h.status, h.statusLabel)}
            </span>
            {isOverdue(h, now) && (
              <span className="hh-overdue" data-testid="hh-detail-overdue">
                {t('hiddenHazards.overdue')}
              </span>
            )}
          </div>
          <div className="supervision-columns">
            <div className="supervision-panel">
              <h2>{t('hiddenHazards.detail.found')}</h2>
              <dl className="supervision-facts">
                <dt>{t('hiddenHazards.detail.enterprise')}</dt>
                <dd>
                  <a href={`/enterprises/${h.enterpriseId}`} onClick={linkHandler(`/enterprises/${h.enterpriseId}`)}>
                    {h.enterpriseName}
                  </a>
                </dd>
                <dt>{t('hiddenHazards.detail.jurisdiction')}</dt>
                <dd>{h.jurisdictionName}</dd>
                <dt>{t('hiddenHazards.detail.hazardSource')}</dt>
                <dd>
                  {h.hazardSourceId ? (
                    <a
                      href={`/hazard-sources/${h.hazardSourceId}`}
                      onClick={linkHandler(`/hazard-sources/${h.hazardSourceId}`)}>
                      {h.hazardSourceName ?? t('hiddenHazards.detail.none')}
                    </a>
                  ) : (
                    t('hiddenHazards.detail.none')
                  )}
                </dd>
                <dt>{t('hiddenHazards.detail.grade')}</dt>
                <dd>{nameOf('grade', h.grade, h.gradeLabel)}</dd>
                {h.standard && (
                  <>
                    <dt>{t('hiddenHazards.detail.standard')}</dt>
                    <dd data-testid="hh-detail-standard">{h.standard}</dd>
                  </>
                )}
                <dt>{t('hiddenHazards.detail.source')}</dt>
                <dd>{nameOf('source', h.source, h.sourceLabel)}</dd>
                <dt>{t('hiddenHazards.detail.foundAt')}</dt>
                <dd>{formatTime(h.foundAt)}</dd>
                <dt>{t('hiddenHazards.detail.foundBy')}</dt>
                <dd>{h.foundBy}</dd>
                <dt>{t('hiddenHazards.detail.description')}</dt>
                <dd className="hh-text" data-testid="hh-detail-description">
                  {h.description}
                </dd>
                <dt>{t('hiddenHazards.detail.recordedAt')}</dt>
                <dd>{formatTime(h.recordedAt)}</dd>
              </dl>
            </div>
            <div className="supervision-panel">
              <h2>{t('hiddenHazards.detail.rectification')}</h2>
              <dl className="supervision-facts">
                <dt>{t('hiddenHazards.detail.measures')}</dt>
                <dd className="hh-text" data-testid="hh-detail-measures">
                  {h.rectification.measures}
                </dd>
                <dt>{t('hiddenHazards.detail.deadline')}</dt>
                <dd data-testid="hh-detail-deadline">
                  {formatTime(h.rectification.deadline)}
                  {deadlineWords(h, now, t, lang) && (
                    <span className={isOverdue(h, now) ? 'hh-overdue' : 'muted'}>
                      {' '}
                      （{deadlineWords(h, now, t, lang)}）
                    </span>
                  )}
                </dd>
                <dt>{t('hiddenHazards.detail.responsible')}</dt>
                <dd data-testid="hh-detail-responsible">
                  {h.rectification.responsible.phone
                    ? `${h.rectification.responsible.name} ${h.rectification.responsible.phone}`
                    : h.rectification.responsible.name}
                </dd>
                {h.rectifiedAt && (
                  <>
                    <dt>{t('hiddenHazards.detail.rectifiedAt')}</dt>
                    <dd>{formatTime(h.rectifiedAt)}</dd>
                  </>
                )}
                {h.rectificationNote && (
                  <>
                    <dt>{t('hiddenHazards.detail.rectificationNote')}</dt>
                    <dd className="hh-text" data-testid="hh-detail-rectification-note">
                      {h.rectificationNote}
                    </dd>
                  </>
                )}
                <dt>{t('hiddenHazards.detail.supervision')}</dt>
                <dd data-testid="hh-detail-supervision">
                  {h.supervision
                    ? t('hiddenHazards.detail.supervisedBy', {
                        level: nameOf('level', h.supervision.level, h.supervision.levelLabel),
                        jurisdiction: h.supervision.jurisdictionName,
                        by: h.supervision.by,
                        time: formatTime(h.supervision.at),
                      })
                    : t('hiddenHazards.detail.notSupervised')}
                </dd>
                <dt>{t('hiddenHazards.detail.verifications')}</dt>
                <dd>
                  {h.verifications.length === 0 ? (
                    <span className="muted">{t('hiddenHazards.detail.noVerifications')}</span>
                  ) : (
                    <ol className="hh-verifications" data-testid="hh-verifications">
                      {h.verifications.map((v, i) => (
                        <li key={i} data-testid="hh-verification" data-passed={v.passed ? 'true' : 'false'}>
                          {t('hiddenHazards.detail.verificationLine', {
                            time: formatTime(v.at),
                            by: v.by,
                            result: t(v.passed ? 'hiddenHazards.detail.passed' : 'hiddenHazards.detail.failed'),
                          })}
                          {v.note && <div className="hh-text">{v.note}</div>}
                        </li>
                      ))}
                    </ol>
                  )}
                </dd>
                {h.closedAt && (
                  <>
                    <dt>{t('hiddenHazards.detail.status')}</dt>
                    <dd data-testid="hh-detail-closed">
                      {t('hiddenHazards.detail.closed', { time: formatTime(h.closedAt), by: h.closedBy ?? '—' })}
                    </dd>
                  </>
                )}
              </dl>
            </div>
          </div>
          <Actions
            hazard={h}
            session={session}
            levels={supervisableLevels(tree.data ?? [], h, session.user.jurisdiction)}
            levelMayVerify={levelMayVerify(tree.data ?? [], h, session.user.jurisdiction)}
          />
        </>
      )}
    </section>
  );
}

/** The actions the state allows and the role holds; nothing at all is shown for the others. */
export function allowedActions(
  h: HiddenHazardView,
  session: Session,
  levels: readonly SupervisionLevel[],
  levelMayVerifyIt: boolean,
): Action[] {
  const out: Action[] = [];
  // 挂牌督办 follows a major hazard through its rectification; once accepted there is nothing left to supervise.
  const open = h.status === 'rectifying' || h.status === 'rectified';
  if (maySupervise(session) && h.grade === 'major' && open && levels.length > 0) out.push('supervise');
  if (mayRecord(session) && h.status === 'rectifying') out.push('rectify');
  if (mayVerify(session) && levelMayVerifyIt && h.status === 'rectified') out.push('verify');
  if (mayVerify(session) && levelMayVerifyIt && h.status === 'verified') out.push('close');
  return out;
}

function Actions({
  hazard,
  session,
  levels,
  levelMayVerify: verifiable,
}: {
  hazard: HiddenHazardView;
  session: Session;
  levels: SupervisionLevel[];
  levelMayVerify: boolean;
}) {
  const { t } = useI18n();
  const nameOf = useHazardNames();
  const client = useQueryClient();
  const [level, setLevel] = useState<SupervisionLevel | ''>('');
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<MessageKey | null>(null);
  const actions = allowedActions(hazard, session, levels, verifiable);
  const chosenLevel = level && levels.includes(level) ? level : (levels[levels.length - 1] ?? '');

  const send = async (path: string, body: unknown, what: MessageKey) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const outcome = await command<HiddenHazardView>('POST', `/hidden-hazards/${hazard.id}/${path}`, body);
      if (!isAccepted(outcome) && outcome.body?.id) client.setQueryData(hiddenHazardKey(hazard.id), outcome.body);
      else void client.invalidateQueries({ queryKey: hiddenHazardKey(hazard.id) });
      void client.invalidateQueries({ queryKey: ['hidden-hazards', 'list'] });
      void client.invalidateQueries({ queryKey: ['hidden-hazards', 'summary'] });
      setNote('');
      setNoteMissing(false);
      setConfirming(false);
      setDone(what);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const withNote = (run: (text: string) => void) => {
    const text = note.trim();
    if (!text) {
      setNoteMissing(true);
      return;
    }
    run(text);
  };

  const noteField = (labelKey: MessageKey) => (
    <label className={noteMissing ? 'field invalid hh-wide' : 'field hh-wide'}>
      <span>{t(labelKey)}</span>
      <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} data-testid="hh-action-note" />
      {noteMissing && (
        <span className="field-error" data-testid="hh-problem-note">
          {t('hiddenHazards.action.noteRequired')}
        </span>
      )}
    </label>
  );

  return (
    <section className="supervision-panel" aria-labelledby="hh-actions-heading" data-testid="hh-actions">
      <h2 id="hh-actions-heading">{t('hiddenHazards.action.title')}</h2>
      {done && (
        <div className="feedback ok" role="status" data-testid="hh-action-done">
          {t('hiddenHazards.action.done', { what: t(done) })}
        </div>
      )}
      {actions.length === 0 && (
        <p className="muted" data-testid="hh-no-actions">
          {t('hiddenHazards.action.none')}
        </p>
      )}
      {actions.includes('supervise') && (
        <div className="row hh-action" data-testid="hh-supervise">
          <label className="field">
            <span>{t('hiddenHazards.action.superviseLevel')}</span>
            <select
              value={chosenLevel}
              onChange={(e) => setLevel(e.target.value as SupervisionLevel)}
              data-testid="hh-supervise-level">
              {levels.map((l) => (
                <option key={l} value={l}>
                  {nameOf('level', l, l)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="primary"
            disabled={busy || !chosenLevel}
            onClick={() => void send('supervise', { level: chosenLevel }, 'hiddenHazards.action.supervise')}
            data-testid="hh-supervise-submit">
            {t('hiddenHazards.action.supervise')}
          </button>
          <span className="small muted">{t('hiddenHazards.action.superviseHint')}</span>
        </div>
      )}
      {actions.includes('rectify') && (
        <div className="hh-action" data-testid="hh-rectify">
          {noteField('hiddenHazards.action.rectifyNote')}
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => withNote((text) => void send('rectify', { note: text }, 'hiddenHazards.action.rectify'))}
            data-testid="hh-rectify-submit">
            {t('hiddenHazards.action.rectify')}
          </button>
        </div>
      )}
      {actions.includes('verify') && (
        <div className="hh-action" data-testid="hh-verify">
          {noteField('hiddenHazards.action.verifyNote')}
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() =>
                withNote((text) => void send('verify', { passed: true, note: text }, 'hiddenHazards.action.verifyPass'))
              }
              data-testid="hh-verify-pass">
              {t('hiddenHazards.action.verifyPass')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                withNote(
                  (text) => void send('verify', { passed: false, note: text }, 'hiddenHazards.action.verifyFail'),
                )
              }
              data-testid="hh-verify-fail">
              {t('hiddenHazards.action.verifyFail')}
            </button>
          </div>
        </div>
      )}
      {actions.includes('close') &&
        (confirming ? (
          <div
            className="hh-action hh-confirm"
            role="alertdialog"
            aria-labelledby="hh-close-question"
            data-testid="hh-close-confirm">
            <p id="hh-close-question">{t('hiddenHazards.action.closeConfirm', { title: hazard.title })}</p>
            <div className="row">
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => void send('close', {}, 'hiddenHazards.action.close')}
                data-testid="hh-close-yes">
                {t('hiddenHazards.action.closeYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)} data-testid="hh-close-no">
                {t('hiddenHazards.action.closeNo')}
              </button>
            </div>
          </div>
        ) : (
          <div className="hh-action">
            <button type="button" className="primary" onClick={() => setConfirming(true)} data-testid="hh-close">
              {t('hiddenHazards.action.close')}
            </button>
          </div>
        ))}
      {busy && <p className="muted small">{t('hiddenHazards.action.busy')}</p>}
      <ErrorMessage error={error} testId="hh-action-error" />
    </section>
  );
}
