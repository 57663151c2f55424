import type { AccountEntryView } from '@app/incidents/contract';
import { useI18n } from '../../i18n';
import { Panel, casualtyText } from './shared';
import { useAccount } from './incident-queries';
import { formatInZone } from './zoned-time';

/** 事故经过: the account as received at intake, kept beside every follow-up, each with its time and author. */
export function AccountPanel({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const account = useAccount(incidentId);
  return (
    <Panel title={t('incident.account')}>
      {!account.data ? (
        <p className={account.isError ? 'field-error' : 'muted'}>
          {account.isError ? t('incident.accountFailed') : t('detail.loading')}
        </p>
      ) : (
        <div data-testid="incident-account">
          <AccountEntry
            entry={account.data.original}
            heading={t('incident.original')}
            zone={account.data.timeZone}
            testId="account-original"
          />
          {account.data.followUps.length === 0 ? (
            <p className="muted small">{t('incident.noFollowUps')}</p>
          ) : (
            account.data.followUps.map((entry, i) => (
              <AccountEntry
                key={entry.revision}
                entry={entry}
                heading={t(entry.outsideWindow ? 'incident.lateReportN' : 'incident.followUpN', { n: i + 1 })}
                zone={account.data.timeZone}
                testId="account-follow-up"
              />
            ))
          )}
        </div>
      )}
    </Panel>
  );
}

function AccountEntry({
  entry,
  heading,
  zone,
  testId,
}: {
  entry: AccountEntryView;
  heading: string;
  zone: string;
  testId: string;
}) {
  const { t, lang } = useI18n();
  return (
    <section className={`account-entry${entry.kind === 'initial' ? ' original' : ''}`} data-testid={testId}>
      <h3 className="small">
        {heading} · <time dateTime={entry.at}>{formatInZone(entry.at, zone, lang)}</time> ·{' '}
        <span data-testid="account-author">{entry.author}</span>
      </h3>
      {entry.description ? (
        <p className="pre" data-testid="account-description">
          {entry.description}
        </p>
      ) : (
        <p className="muted small">{t('incident.noAccountGiven')}</p>
      )}
      {entry.measures && (
        <p className="pre small">
          {t('f.measures')}：{entry.measures}
        </p>
      )}
      <p className="small muted">{casualtyText(entry.casualties, t)}</p>
    </section>
  );
}
