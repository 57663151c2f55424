import { useI18n } from '../../i18n';
import { linkHandler } from '../../router';
import './targets.css';

/**
 * The second row under the 统计分析 tab: the accident statistics and the assessment targets read the same counts
 * (drills excluded, the jurisdiction's calendar), so they share one tab.
 */
export function StatisticsNav({ current }: { current: 'statistics' | 'targets' }) {
  const { t } = useI18n();
  return (
    <nav className="stats-subnav" aria-label={t('targets.nav.label')} data-testid="statistics-nav">
      <a
        href="/statistics"
        className={current === 'statistics' ? 'active' : ''}
        aria-current={current === 'statistics' ? 'page' : undefined}
        data-testid="subnav-statistics"
        onClick={linkHandler('/statistics')}>
        {t('targets.nav.statistics')}
      </a>
      <a
        href="/statistics/targets"
        className={current === 'targets' ? 'active' : ''}
        aria-current={current === 'targets' ? 'page' : undefined}
        data-testid="subnav-targets"
        onClick={linkHandler('/statistics/targets')}>
        {t('targets.nav.targets')}
      </a>
    </nav>
  );
}
