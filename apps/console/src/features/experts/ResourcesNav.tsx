import { useI18n, type MessageKey } from '../../i18n';
import { linkHandler } from '../../router';
import './resources.css';

const PAGES: { id: 'experts' | 'shelters'; path: string; key: MessageKey }[] = [
  { id: 'experts', path: '/experts', key: 'experts.nav.experts' },
  { id: 'shelters', path: '/shelters', key: 'experts.nav.shelters' },
];

/**
 * The second row under the 应急资源 tab: the expert library and the shelter register are both registers of what the
 * command centre calls on in a response, kept by admins and read by the watch; one tab keeps the top bar on one line.
 */
export function ResourcesNav({ current }: { current: (typeof PAGES)[number]['id'] }) {
  const { t } = useI18n();
  return (
    <nav className="resources-subnav" aria-label={t('experts.nav.label')} data-testid="resources-nav">
      {PAGES.map((n) => (
        <a
          key={n.id}
          href={n.path}
          className={n.id === current ? 'active' : ''}
          aria-current={n.id === current ? 'page' : undefined}
          data-testid={`resources-nav-${n.id}`}
          onClick={linkHandler(n.path)}>
          {t(n.key)}
        </a>
      ))}
    </nav>
  );
}
