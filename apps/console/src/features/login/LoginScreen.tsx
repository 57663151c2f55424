import { useState, type FormEvent } from 'react';
import { ApiError, login } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import type { Session } from '../../ui-types';
import { useErrorText } from '../errors/ErrorMessage';

export function LoginScreen({ message, onLogin }: { message: MessageKey | null; onLogin: (s: Session) => void }) {
  const { t, lang, setLang } = useI18n();
  const errorLine = useErrorText();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username || !password) {
      setError(t('v.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onLogin(await login(username.trim(), password));
    } catch (err) {
      // A lock names its remaining wait in the server's Chinese detail; in English the general sentence.
      if (err instanceof ApiError && err.status === 429)
        setError(lang === 'zh' && /[\u4e00-\u9fff]/.test(err.message) ? err.message : t('login.locked'));
      else if (err instanceof ApiError && (err.status === 401 || err.status === 400)) setError(t('login.failed'));
      else setError(errorLine(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <form className="login-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="login-heading">
        <div className="login-head">
          <h1 id="login-heading">{t('appTitle')}</h1>
          <button
            type="button"
            className="linkish"
            data-testid="lang-switch"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('langSwitch')}
          </button>
        </div>
        <h2>{t('login.title')}</h2>
        {message && (
          <div className="notice" data-testid="login-message" role="status">
            {t(message)}
          </div>
        )}
        <label htmlFor="login-username">{t('login.username')}</label>
        <input
          id="login-username"
          data-testid="login-username"
          autoComplete="username"
          value={username}
          autoFocus
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          data-testid="login-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <div className="field-error" data-testid="login-error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="primary" data-testid="login-submit" disabled={busy}>
          {t('login.submit')}
        </button>
        <p className="muted small">{t('demoNote')}</p>
      </form>
    </div>
  );
}
