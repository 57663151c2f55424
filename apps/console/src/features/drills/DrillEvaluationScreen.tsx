import { useI18n } from '../../i18n';

/** Placeholder until this screen is built: says what it will be, in the user's language. */
export function DrillEvaluationScreen({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="drill-evaluation-screen" data-id={id}>
      <h2>{t('drills.title')}</h2>
    </section>
  );
}
