import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { IssuedDeviceKey } from '@app/enterprises/contract';
import { command, isAccepted } from '../../api';
import { useI18n } from '../../i18n';
import { formatTime } from '../../time';
import { ErrorMessage } from '../errors/ErrorMessage';
import { deviceKeysKey, useDeviceKeys } from './queries';

/**
 * 设备密钥 of one enterprise (admins): its gateways authenticate with one (X-Device-Key over HTTP, the password over
 * MQTT). A new key is shown once, with a copy button and a warning that it cannot be shown again — the server keeps
 * only its hash — and stays on screen until the admin closes it. A key is revoked after a confirmation, since every
 * gateway using it stops reporting at once.
 */
export function DeviceKeysPanel({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const keys = useDeviceKeys(enterpriseId, true);
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<IssuedDeviceKey | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const issue = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const outcome = await command<IssuedDeviceKey>('POST', `/enterprises/${enterpriseId}/device-keys`, {
        label: label.trim(),
      });
      if (!isAccepted(outcome) && outcome.body?.key) {
        setIssued(outcome.body);
        setCopied(null);
        setLabel('');
      }
      void client.invalidateQueries({ queryKey: deviceKeysKey(enterpriseId) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (keyId: string) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await command('DELETE', `/enterprises/${enterpriseId}/device-keys/${keyId}`);
      setConfirming(null);
      setNotice(t('enterprises.keys.revoked'));
      void client.invalidateQueries({ queryKey: deviceKeysKey(enterpriseId) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const copy = async (key: string) => {
    try {
      await navigator.clipboard.writeText(key);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <section className="supervision-panel" aria-labelledby="device-keys-heading" data-testid="device-keys">
      <h2 id="device-keys-heading">{t('enterprises.keys.title')}</h2>
      <p className="small muted">{t('enterprises.keys.note')}</p>
      {issued && (
        <div className="issued-key" role="alert" data-testid="issued-key">
          <strong>{t('enterprises.keys.issued')}</strong>
          <code data-testid="issued-key-value">{issued.key}</code>
          <p data-testid="issued-key-warning">{t('enterprises.keys.onceWarning')}</p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => void copy(issued.key)}
              data-testid="issued-key-copy">
              {t('enterprises.keys.copy')}
            </button>
            <button type="button" onClick={() => setIssued(null)} data-testid="issued-key-dismiss">
              {t('enterprises.keys.dismiss')}
            </button>
            {copied && (
              <span role="status" data-testid="issued-key-copied">
                {copied === 'yes' ? t('enterprises.keys.copied') : t('enterprises.keys.copyFailed')}
              </span>
            )}
          </div>
        </div>
      )}
      <form className="row" onSubmit={(e) => void issue(e)}>
        <label className="field">
          <span>{t('enterprises.keys.label')}</span>
          <input
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            placeholder={t('enterprises.keys.labelPlaceholder')}
            data-testid="device-key-label"
          />
        </label>
        <div className="actions">
          <button type="submit" disabled={busy || !label.trim()} data-testid="device-key-issue">
            {busy ? t('enterprises.keys.issuing') : t('enterprises.keys.issue')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error ?? keys.error} testId="device-keys-error" />
      {notice && (
        <div className="feedback ok" role="status" data-testid="device-keys-notice">
          {notice}
        </div>
      )}
      {keys.data && keys.data.length === 0 && <p className="muted">{t('enterprises.keys.empty')}</p>}
      {keys.data && keys.data.length > 0 && (
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">{t('enterprises.keys.col.label')}</th>
              <th scope="col">{t('enterprises.keys.col.issued')}</th>
              <th scope="col">{t('enterprises.keys.col.lastUsed')}</th>
              <th scope="col">{t('enterprises.keys.col.state')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {keys.data.map((k) => (
              <tr key={k.keyId} data-testid="device-key-row" data-key-id={k.keyId}>
                <td>{k.label}</td>
                <td>{t('enterprises.keys.issuedBy', { time: formatTime(k.issuedAt), by: k.issuedBy })}</td>
                <td>{k.lastUsedAt ? formatTime(k.lastUsedAt) : t('enterprises.keys.never')}</td>
                <td data-testid="device-key-state">
                  {k.revokedAt
                    ? t('enterprises.keys.revokedAt', { time: formatTime(k.revokedAt) })
                    : t('enterprises.keys.active')}
                </td>
                <td>
                  {!k.revokedAt &&
                    (confirming === k.keyId ? (
                      <span className="actions" role="group" data-testid="device-key-confirm">
                        <span>{t('enterprises.keys.revokeConfirm', { label: k.label })}</span>
                        <button
                          type="button"
                          className="danger"
                          disabled={busy}
                          onClick={() => void revoke(k.keyId)}
                          data-testid="device-key-revoke-yes">
                          {t('enterprises.keys.revokeYes')}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)} data-testid="device-key-revoke-no">
                          {t('enterprises.keys.revokeNo')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" onClick={() => setConfirming(k.keyId)} data-testid="device-key-revoke">
                        {t('enterprises.keys.revoke')}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
