import { useI18n } from '../../i18n';

/** Placeholder until this screen is built: says what it will be, in the user's language. */
export function DrillReplayScreen({ drillId }: { drillId: string }) {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="drill-replay-screen" data-id={drillId}>
      <h2>{t('nav.board')}</h2>
    </section>
  );
}
