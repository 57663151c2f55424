import { useI18n } from '../../i18n';

/** Placeholder until this screen is built: says what it will be, in the user's language. */
export function DrillScreen({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="drill-screen" data-id={id}>
      <h2>{t('drills.title')}</h2>
    </section>
  );
}
