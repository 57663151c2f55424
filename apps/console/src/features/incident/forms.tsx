import { useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import type { PlanView } from '@app/plans/contract';
import { levelName } from './level-confirm';
import { CHANNELS, REPORT_LEVELS, RESPONSE_LEVELS } from './shared';

export function ReportUpForm({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (toLevel: string, channel: string) => void;
}) {
  const { t } = useI18n();
  const [toLevel, setToLevel] = useState<string>('county');
  const [channel, setChannel] = useState<string>(CHANNELS[0].zh);
  return (
    <form
      className="inline-form"
      data-testid="report-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(toLevel, channel);
      }}>
      <label htmlFor="report-level">{t('detail.toLevel')}</label>
      <select id="report-level" data-testid="report-level" value={toLevel} onChange={(e) => setToLevel(e.target.value)}>
        {REPORT_LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`level.${l}` as MessageKey)}
          </option>
        ))}
      </select>
      <label htmlFor="report-channel">{t('detail.channel')}</label>
      <select
        id="report-channel"
        data-testid="report-channel"
        value={channel}
        onChange={(e) => setChannel(e.target.value)}>
        {CHANNELS.map((c) => (
          <option key={c.zh} value={c.zh}>
            {t(c.key)}
          </option>
        ))}
      </select>
      <button type="submit" data-testid="report-submit" disabled={busy}>
        {t('detail.reportUp')}
      </button>
    </form>
  );
}

export function ResponseLevelForm({
  current,
  busy,
  onSubmit,
}: {
  current: string | null;
  busy: boolean;
  onSubmit: (level: string, reason: string) => void;
}) {
  const { t } = useI18n();
  const [level, setLevel] = useState(current ?? 'IV');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError(t('v.required'));
    setError(null);
    onSubmit(level, reason.trim());
  };
  return (
    <form className="stack-form" data-testid="response-level-form" onSubmit={submit} noValidate>
      <label htmlFor="rl-level">{t('detail.responseLevel')}</label>
      <select id="rl-level" data-testid="response-level" value={level} onChange={(e) => setLevel(e.target.value)}>
        {RESPONSE_LEVELS.map((l) => (
          <option key={l} value={l}>
            {levelName(t, l)}
          </option>
        ))}
      </select>
      <label htmlFor="rl-reason">{t('detail.reason')}</label>
      <input
        id="rl-reason"
        data-testid="response-level-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" data-testid="response-level-submit" disabled={busy}>
        {t('detail.setLevel')}
      </button>
    </form>
  );
}

export function ActivatePlanForm({
  plans,
  busy,
  onSubmit,
}: {
  plans: PlanView[];
  busy: boolean;
  onSubmit: (planId: string, level: string, reason: string) => void;
}) {
  const { t } = useI18n();
  const [planId, setPlanId] = useState('');
  const [level, setLevel] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="stack-form"
      data-testid="plan-activation-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!planId) return setError(t('v.required'));
        setError(null);
        onSubmit(planId, level, reason.trim());
      }}>
      <label htmlFor="pa-plan">{t('detail.plan')}</label>
      <select id="pa-plan" data-testid="plan-select" value={planId} onChange={(e) => setPlanId(e.target.value)}>
        <option value="">{t('choose')}</option>
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}（{p.statusLabel ?? p.status} v{p.inForceVersion}）
          </option>
        ))}
      </select>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      <label htmlFor="pa-level">{t('detail.levelOptional')}</label>
      <select id="pa-level" value={level} onChange={(e) => setLevel(e.target.value)}>
        <option value="">—</option>
        {RESPONSE_LEVELS.map((l) => (
          <option key={l} value={l}>
            {levelName(t, l)}
          </option>
        ))}
      </select>
      <label htmlFor="pa-reason">{t('detail.reason')}</label>
      <input id="pa-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" data-testid="plan-activate" disabled={busy}>
        {t('detail.activate')}
      </button>
    </form>
  );
}

export function CloseForm({ busy, onSubmit }: { busy: boolean; onSubmit: (summary: string) => void }) {
  const { t } = useI18n();
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="stack-form"
      data-testid="close-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!summary.trim()) return setError(t('v.required'));
        setError(null);
        onSubmit(summary.trim());
      }}>
      <label htmlFor="close-summary">{t('detail.closeSummary')}</label>
      <textarea
        id="close-summary"
        data-testid="close-summary"
        rows={2}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="danger" data-testid="close-submit" disabled={busy}>
        {t('detail.close')}
      </button>
    </form>
  );
}
