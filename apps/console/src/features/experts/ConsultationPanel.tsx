import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ConsultationMode, ConsultationView, ExpertRecommendation } from '@app/experts/contract';
import type { IncidentView } from '@app/incidents/contract';
import { commandPost } from '../../api';
import { useLiveMessages } from '../../app/live-events';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { formatTime } from '../../time';
import { ErrorMessage } from '../errors/ErrorMessage';
import { useDrillGate } from '../incident/drill-gate';
import { consultationKeys, useConsultations, useExpertRecommendations } from './queries';
import './resources.css';

const MODES: readonly ConsultationMode[] = ['on_site', 'remote'];

/**
 * 专家会商 in the incident workspace: the specialties the incident calls for, the experts recommended for them (with
 * the reason in words, those engaged elsewhere last, as the server orders them), and the invitations with their
 * answers. The watch invites an expert (on site or remote, on a topic) and records the answer the expert gave, usually
 * by phone; each step is a line of the incident's timeline (docs/experts.md).
 *
 * `mayConsult`: the caller holds `expert.consult`. The panel acts only while the incident is in response and, for a
 * drill incident, while its drill runs (the server refuses otherwise: the workspace's own drill gate); else it reads.
 * A drill incident's consultation is a drill record and never engages the expert (docs/experts.md).
 */
export function ConsultationPanel({ incident, mayConsult }: { incident: IncidentView; mayConsult: boolean }) {
  const { t } = useI18n();
  const gate = useDrillGate(incident);
  const mayAct = mayConsult && incident.status === 'open' && gate.mayAct;
  const client = useQueryClient();
  const id = incident.id;
  const consultations = useConsultations(id);
  const recs = useExpertRecommendations(id, true);
  const [inviting, setInviting] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Another console's invitation or answer on this incident.
  useLiveMessages(['consultation.changed'], (m) => {
    const changed = m.data as Partial<ConsultationView> | null;
    if (!changed || changed.incidentId === id) void client.invalidateQueries({ queryKey: consultationKeys.all(id) });
  });

  const send = async (path: string, body: unknown, done: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setFeedback(null);
    try {
      await commandPost(path, body);
      setFeedback(done);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
      // What the server holds now, and the timeline line the step wrote.
      void client.invalidateQueries({ queryKey: consultationKeys.all(id) });
      void client.invalidateQueries({ queryKey: ['incident', id, 'timeline'] });
    }
  };

  const invited = consultations.data ?? [];
  return (
    <section className="panel" aria-labelledby="consult-heading" data-testid="consultation-panel">
      <h2 id="consult-heading">{t('experts.consult.title')}</h2>
      {incident.drillId && <p className="small muted">{t('experts.consult.drillNote')}</p>}
      {feedback && (
        <p className="feedback ok" role="status" data-testid="consult-feedback">
          {feedback}
        </p>
      )}
      <ErrorMessage error={error} testId="consult-error" />

      <h3>{t('experts.consult.invitations')}</h3>
      <ErrorMessage error={consultations.error} testId="consultations-error" />
      {consultations.data && invited.length === 0 && <p className="muted">{t('experts.consult.none')}</p>}
      <ul className="list" data-testid="consultations">
        {invited.map((c) => (
          <Invitation
            key={c.expertId}
            consultation={c}
            mayAnswer={mayAct && c.status === 'invited'}
            busy={busy}
            onAnswer={(answer, note) =>
              send(
                `/incidents/${id}/experts/${c.expertId}/${answer}`,
                note ? { note } : {},
                t('experts.consult.recorded'),
              )
            }
          />
        ))}
      </ul>

      <h3>{t('experts.consult.recommended')}</h3>
      <ErrorMessage error={recs.error} testId="expert-recs-error" />
      {recs.data && recs.data.neededSpecialties.length > 0 && (
        <p className="small" data-testid="expert-needed">
          {t('experts.consult.needed')}：
          {recs.data.neededSpecialties
            .map((n) => `${n.label}（${t(`experts.consult.neededFrom.${n.from}`)}）`)
            .join('、')}
        </p>
      )}
      {recs.data && recs.data.experts.length === 0 && <p className="muted">{t('experts.consult.noRecommendation')}</p>}
      <ul className="list" data-testid="expert-recommendations">
        {(recs.data?.experts ?? []).map((r) => (
          <li key={r.expertId} data-testid="expert-recommendation" data-expert-id={r.expertId}>
            <a href={`/experts/${r.expertId}`} onClick={linkHandler(`/experts/${r.expertId}`)}>
              <strong>{r.name}</strong>
            </a>{' '}
            <span className="muted small">
              {r.title} · {r.organization} · {r.phone}
            </span>
            {r.engaged && <span className="badge consult-status-declined"> {t('experts.consult.engaged')}</span>}
            {r.invited && <span className="badge consult-status-invited"> {t('experts.consult.invited')}</span>}
            <div className="small" data-testid="expert-reason">
              {r.reason}
            </div>
            {mayAct && !r.invited && inviting !== r.expertId && (
              <button type="button" disabled={busy} onClick={() => setInviting(r.expertId)} data-testid="expert-invite">
                {t('experts.consult.invite')}
              </button>
            )}
            {mayAct && inviting === r.expertId && (
              <InviteForm
                expert={r}
                busy={busy}
                onCancel={() => setInviting(null)}
                onSend={async (mode, topic) => {
                  const ok = await send(
                    `/incidents/${id}/experts`,
                    { expertId: r.expertId, mode, topic },
                    t('experts.consult.sent'),
                  );
                  if (ok) setInviting(null);
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function InviteForm({
  expert,
  busy,
  onSend,
  onCancel,
}: {
  expert: ExpertRecommendation;
  busy: boolean;
  onSend: (mode: ConsultationMode, topic: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<ConsultationMode>('remote');
  const [topic, setTopic] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = topic.trim() === '';
  return (
    <form
      className="resources-inline-form"
      noValidate
      data-testid="expert-invite-form"
      aria-label={`${t('experts.consult.invite')} ${expert.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (!missing) void onSend(mode, topic.trim());
      }}>
      <fieldset className="field">
        <legend>{t('experts.consult.mode')}</legend>
        {MODES.map((m) => (
          <label key={m}>
            <input
              type="radio"
              name={`mode-${expert.expertId}`}
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
              data-testid={`invite-mode-${m}`}
            />
            {t(`experts.consult.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      <label className={touched && missing ? 'field invalid' : 'field'}>
        <span>{t('experts.consult.topic')}</span>
        <textarea
          rows={2}
          value={topic}
          placeholder={t('experts.consult.topicPlaceholder')}
          onChange={(e) => setTopic(e.target.value)}
          data-testid="invite-topic"
        />
        {touched && missing && (
          <span className="field-error" data-testid="invite-topic-missing">
            {t('experts.consult.topicRequired')}
          </span>
        )}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="invite-send">
          {t('experts.consult.send')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('experts.consult.cancel')}
        </button>
      </div>
    </form>
  );
}

function Invitation({
  consultation: c,
  mayAnswer,
  busy,
  onAnswer,
}: {
  consultation: ConsultationView;
  mayAnswer: boolean;
  busy: boolean;
  onAnswer: (answer: 'accept' | 'decline', note: string) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [answering, setAnswering] = useState<'accept' | 'decline' | null>(null);
  const [note, setNote] = useState('');
  return (
    <li data-testid="consultation" data-expert-id={c.expertId} data-status={c.status}>
      <strong>{c.expertName}</strong>{' '}
      <span className={`badge consult-status-${c.status}`} data-testid="consultation-status">
        {t(`experts.consult.status.${c.status}`)}
      </span>{' '}
      <span className="small">{t(`experts.consult.mode.${c.mode}`)}</span>
      <div className="muted small">
        {[c.title, c.organization, c.phone].filter(Boolean).join(' · ')}
        {c.specialtyLabels.length > 0 && ` · ${c.specialtyLabels.join('、')}`}
      </div>
      <div className="small" data-testid="consultation-topic">
        {t('experts.consult.topic')}：{c.topic}
      </div>
      <div className="muted small">
        {t('experts.consult.invitedAt', { time: formatTime(c.invitedAt) })}
        {c.answeredAt && ` · ${t('experts.consult.answeredAt', { time: formatTime(c.answeredAt) })}`}
        {c.answerNote && ` · ${c.answerNote}`}
      </div>
      {mayAnswer && answering === null && (
        <div className="actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => setAnswering('accept')}
            data-testid="consultation-accept">
            {t('experts.consult.accept')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => setAnswering('decline')}
            data-testid="consultation-decline">
            {t('experts.consult.decline')}
          </button>
        </div>
      )}
      {mayAnswer && answering !== null && (
        <form
          className="resources-inline-form"
          data-testid="consultation-answer-form"
          onSubmit={(e) => {
            e.preventDefault();
            void onAnswer(answering, note.trim()).then((ok) => {
              if (ok) setAnswering(null);
            });
          }}>
          <span className="small muted">{t('experts.consult.answerHint')}</span>
          <label className="field">
            <span>{t('experts.consult.answerNote')}</span>
            <input
              value={note}
              placeholder={t('experts.consult.answerNotePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
              data-testid="consultation-note"
            />
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy} data-testid="consultation-confirm">
              {t(answering === 'accept' ? 'experts.consult.confirmAccept' : 'experts.consult.confirmDecline')}
            </button>
            <button type="button" disabled={busy} onClick={() => setAnswering(null)}>
              {t('experts.consult.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
