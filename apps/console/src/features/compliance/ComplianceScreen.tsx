import { useI18n } from '../../i18n';

/** Placeholder until this screen is built: says what it will be, in the user's language. */
export function ComplianceScreen() {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="compliance-screen">
      <h2>{t('compliance.title')}</h2>
    </section>
  );
}
