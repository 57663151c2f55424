import { useI18n, type MessageKey } from '../../i18n';
import { linkHandler } from '../../router';
import './enterprises.css';

const PAGES: {
  id: 'enterprises' | 'hazardSources' | 'monitoring' | 'hiddenHazards';
  path: string;
  key: MessageKey;
}[] = [
  { id: 'enterprises', path: '/enterprises', key: 'enterprises.nav.enterprises' },
  { id: 'hazardSources', path: '/hazard-sources', key: 'enterprises.nav.hazardSources' },
  { id: 'monitoring', path: '/monitoring', key: 'enterprises.nav.monitoring' },
  { id: 'hiddenHazards', path: '/hidden-hazards', key: 'hiddenHazards.nav' },
];

/**
 * The second row under the 企业监管 tab: the enterprise register, the major hazard source register, the online-rate
 * board and the hidden-hazard register are four views of one duty (supervising the units that hold dangerous goods),
 * reached from one tab so that the tab row stays one line on a 1366-pixel screen.
 */
export function SupervisionNav({ current }: { current: (typeof PAGES)[number]['id'] }) {
  const { t } = useI18n();
  return (
    <nav className="subnav" aria-label={t('enterprises.nav.label')} data-testid="supervision-nav">
      {PAGES.map((n) => (
        <a
          key={n.id}
          href={n.path}
          className={n.id === current ? 'active' : ''}
          aria-current={n.id === current ? 'page' : undefined}
          data-testid={`subnav-${n.id}`}
          onClick={linkHandler(n.path)}>
          {t(n.key)}
        </a>
      ))}
    </nav>
  );
}
