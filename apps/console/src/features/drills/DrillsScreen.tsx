import { useI18n } from '../../i18n';

/** Placeholder until this screen is built: says what it will be, in the user's language. */
export function DrillsScreen() {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="drills-screen">
      <h2>{t('drills.title')}</h2>
    </section>
  );
}
