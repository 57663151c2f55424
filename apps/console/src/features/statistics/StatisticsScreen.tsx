import { useI18n } from '../../i18n';

/** Placeholder until this screen is built: says what it will be, in the user's language. */
export function StatisticsScreen() {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="statistics-screen">
      <h2>{t('statistics.title')}</h2>
    </section>
  );
}
