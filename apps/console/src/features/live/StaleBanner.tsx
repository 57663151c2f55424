import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import type { ConnectionState } from '../../ui-types';
import { staleWords } from './staleness';

/**
 * Shown above every screen while its data is stale: since the live line was lost until the console has caught up
 * after reconnecting. Says as of when the data is, and how long ago that was (counted on while it shows).
 */
export function StaleBanner({
  staleSince,
  connection,
  now = Date.now,
}: {
  staleSince: string | null;
  connection: ConnectionState;
  now?: () => number;
}) {
  const { t, lang } = useI18n();
  const [at, setAt] = useState(now);
  useEffect(() => {
    if (!staleSince) return;
    const timer = setInterval(() => setAt(now()), 1000);
    return () => clearInterval(timer);
  }, [staleSince, now]);
  if (!staleSince) return null;
  const words = staleWords(staleSince, Math.max(at, Date.parse(staleSince)), lang);
  return (
    <div className="stale-banner" data-testid="stale-banner" data-since={staleSince} role="status" aria-live="polite">
      <strong data-testid="stale-since">{t('live.staleSince', words)}</strong>{' '}
      <span>{connection === 'connected' ? t('live.staleCatchingUp') : t('live.staleReconnecting')}</span>
    </div>
  );
}
