import { useCallback } from 'react';
import { useI18n } from '../../i18n';
import { describeError, errorText } from './describe';

/**
 * A failed request shown in a screen: the code's message, and underneath (Chinese only) what the server's detail and
 * field messages add. `role="alert"` so a screen reader says it when it appears.
 */
export function ErrorMessage({ error, testId = 'error-message' }: { error: unknown; testId?: string }) {
  const { lang, t } = useI18n();
  if (error === null || error === undefined) return null;
  const d = describeError(error, lang);
  return (
    <div className="feedback error" role="alert" data-testid={testId} data-code={d.code ?? ''}>
      <div>{d.message}</div>
      {(d.detail || d.fields.length > 0) && (
        <div className="small muted" data-testid={`${testId}-detail`}>
          {[d.detail, ...d.fields].filter(Boolean).join('；')}
        </div>
      )}
      {d.uncertain && <div className="small">{t('command.uncertain')}</div>}
    </div>
  );
}

/** `errorText` in the language of the surrounding `I18nContext`, for components that build one line of text. */
export function useErrorText(): (err: unknown, fallback?: string) => string {
  const { lang, t } = useI18n();
  return useCallback(
    (err: unknown, fallback?: string) => errorText(err, fallback ?? t('errors.generic'), t('command.uncertain'), lang),
    [lang, t],
  );
}
