import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ExpertView } from '@app/experts/contract';
import { commandPost } from '../../api';
import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import { formatTime } from '../../time';
import type { Session } from '../../ui-types';
import { ErrorMessage } from '../errors/ErrorMessage';
import { ExpertForm } from './ExpertForm';
import { expertKeys, mayRegisterExperts, useExpert, useSpecialtyName } from './queries';
import { ResourcesNav } from './ResourcesNav';

/**
 * One expert of the library: who they are and how to reach them; admins edit them or withdraw them from the library
 * (after a confirmation: a withdrawn expert is no longer recommended nor invited, and stays named on past incidents).
 */
export function ExpertScreen({ id, session }: { id: string; session: Session }) {
  const { t } = useI18n();
  const specialtyName = useSpecialtyName();
  const client = useQueryClient();
  const expert = useExpert(id);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const admin = mayRegisterExperts(session);
  const e = expert.data;

  const withdraw = async () => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await commandPost<ExpertView>(`/experts/${id}/withdraw`, {});
      if (outcome.kind === 'done' && outcome.body?.id === id) client.setQueryData(expertKeys.one(id), outcome.body);
      void client.invalidateQueries({ queryKey: expertKeys.all });
      setConfirming(false);
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="expert-heading" className="resources">
      <ResourcesNav current="experts" />
      <a href="/experts" className="back" onClick={linkHandler('/experts')}>
        {t('experts.back')}
      </a>
      {expert.isLoading && <p className="muted">{t('experts.loading')}</p>}
      <ErrorMessage error={expert.error} testId="expert-error" />
      {e && (
        <>
          <div className="screen-head">
            <h1 id="expert-heading" data-testid="expert-title">
              {e.name}
            </h1>
            {admin && e.active && !editing && !confirming && (
              <div className="actions">
                <button type="button" onClick={() => setEditing(true)} data-testid="expert-edit">
                  {t('experts.edit')}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => setConfirming(true)}
                  data-testid="expert-withdraw">
                  {t('experts.withdraw')}
                </button>
              </div>
            )}
          </div>
          {confirming && (
            <div
              className="resources-confirm"
              role="alertdialog"
              aria-labelledby="expert-withdraw-q"
              data-testid="expert-withdraw-confirm">
              <p id="expert-withdraw-q">{t('experts.withdraw.confirm', { name: e.name })}</p>
              <div className="actions">
                <button
                  type="button"
                  className="danger"
                  disabled={busy}
                  onClick={() => void withdraw()}
                  data-testid="expert-withdraw-yes">
                  {t('experts.withdraw.yes')}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => setConfirming(false)}
                  data-testid="expert-withdraw-no">
                  {t('experts.withdraw.no')}
                </button>
              </div>
            </div>
          )}
          <ErrorMessage error={error} testId="expert-withdraw-error" />
          {done && (
            <p className="feedback ok" role="status" data-testid="expert-withdrawn">
              {t('experts.withdraw.done')}
            </p>
          )}
          {editing && (
            <ExpertForm
              expert={e}
              defaultJurisdiction={e.jurisdiction}
              onCancel={() => setEditing(false)}
              onDone={() => {
                setEditing(false);
                void expert.refetch();
              }}
            />
          )}
          <section className="resources-panel" aria-labelledby="expert-profile">
            <h2 id="expert-profile">{t('experts.page.profile')}</h2>
            <dl className="resources-facts" data-testid="expert-profile">
              <dt>{t('experts.col.specialties')}</dt>
              <dd data-testid="expert-specialty-names">
                {e.specialties.map((s, i) => specialtyName(s, e.specialtyLabels[i])).join('、')}
              </dd>
              <dt>{t('experts.col.title')}</dt>
              <dd>{e.title}</dd>
              <dt>{t('experts.col.organization')}</dt>
              <dd>{e.organization}</dd>
              <dt>{t('experts.col.phone')}</dt>
              <dd data-testid="expert-phone-shown">{e.phone}</dd>
              <dt>{t('experts.col.jurisdiction')}</dt>
              <dd>{e.jurisdictionName}</dd>
              <dt>{t('experts.col.state')}</dt>
              <dd data-testid="expert-state">
                {!e.active
                  ? t('experts.state.withdrawn')
                  : e.engagedIn > 0
                    ? t('experts.state.engaged', { n: e.engagedIn })
                    : t('experts.state.active')}
              </dd>
              <dt>{t('experts.page.registeredAt')}</dt>
              <dd>{formatTime(e.registeredAt)}</dd>
              <dt>{t('experts.page.updatedAt')}</dt>
              <dd>{formatTime(e.updatedAt)}</dd>
            </dl>
          </section>
        </>
      )}
    </section>
  );
}
