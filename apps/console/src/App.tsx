import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createConsoleQueryClient } from './app/query-client';
import { setActiveLang } from './app/locale';
import { currentSession, logout, refresh, resume, setSession, setUnauthorizedHandler, ApiError } from './api';
import { I18nContext, initialLang, rememberLang, translator, useI18n, type Lang, type MessageKey } from './i18n';
import { linkHandler, navigate, useRoute, type Route } from './router';
import { can, StoreProvider, useStore, type SessionEnd } from './store';
import type { Session } from './ui-types';
import { LoginScreen } from './features/login/LoginScreen';
import { BoardScreen } from './features/board/BoardScreen';
import { IntakeScreen } from './features/intake/IntakeScreen';
import { clearDraft } from './features/intake/drafts';
import { DetailScreen } from './features/incident/Detail';
import { TeamsScreen } from './features/teams/TeamsScreen';
import { StockScreen } from './features/stock/StockScreen';
import { PlansScreen } from './features/plans/PlansScreen';
import { MapScreen } from './features/map/MapScreen';
import { ReplayScreen } from './features/replay/ReplayScreen';
import { DrillReplayScreen } from './features/replay/DrillReplayScreen';
import { PlanScreen } from './features/plans/PlanScreen';
import { WarningsScreen } from './features/warnings/WarningsScreen';
import { StatisticsScreen } from './features/statistics/StatisticsScreen';
import { TargetsScreen } from './features/targets/TargetsScreen';
import { ComplianceScreen } from './features/compliance/ComplianceScreen';
import { DrillsScreen } from './features/drills/DrillsScreen';
import { DrillScreen } from './features/drills/DrillScreen';
import { DrillEvaluationScreen } from './features/drills/DrillEvaluationScreen';
import { AlertsPanel } from './features/alarms/AlertsPanel';
import { AlarmBell } from './features/alarms/AlarmBell';
import { DutyDeskScreen } from './features/duty-desk/DutyDeskScreen';
import { AlarmCentreScreen } from './features/alarms/AlarmCentreScreen';
import { EnterprisesScreen } from './features/enterprises/EnterprisesScreen';
import { EnterpriseScreen } from './features/enterprises/EnterpriseScreen';
import { HazardSourcesScreen } from './features/enterprises/HazardSourcesScreen';
import { HazardSourceScreen } from './features/enterprises/HazardSourceScreen';
import { OnlineRateScreen } from './features/monitoring/OnlineRateScreen';
import { HiddenHazardsScreen } from './features/hidden-hazards/HiddenHazardsScreen';
import { HiddenHazardScreen } from './features/hidden-hazards/HiddenHazardScreen';
import { ExpertsScreen } from './features/experts/ExpertsScreen';
import { ExpertScreen } from './features/experts/ExpertScreen';
import { SheltersScreen } from './features/shelters/SheltersScreen';
import { ShelterScreen } from './features/shelters/ShelterScreen';
import { StaleBanner } from './features/live/StaleBanner';
import { staleWords } from './features/live/staleness';

/** Renew this long before the token expires. */
const RENEW_BEFORE_MS = 3 * 60_000;

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    rememberLang(l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translator(lang)('appTitle');
  }, [lang]);
  const i18n = useMemo(() => {
    setActiveLang(lang); // for the formatters called outside components (errorText, time.ts)
    return { lang, t: translator(lang), setLang };
  }, [lang, setLang]);

  const [session, setSessionState] = useState<Session | null>(currentSession);
  // One cache per signed-in user: nothing cached for one account is ever shown to the next.
  const userId = session?.user.id ?? null;
  const queryClient = useMemo(() => (userId ? createConsoleQueryClient() : null), [userId]);
  const [loginMessage, setLoginMessage] = useState<MessageKey | null>(null);
  // A reload (or a server restart followed by one) resumes the session the HttpOnly refresh cookie still holds.
  const [resuming, setResuming] = useState(() => currentSession() === null);
  useEffect(() => {
    let live = true;
    resume()
      .then(
        (s) => {
          if (live && s) setSessionState(s);
        },
        () => undefined,
      )
      .finally(() => {
        if (live) setResuming(false);
      });
    return () => {
      live = false;
    };
  }, []);

  const endSession = useCallback((why: SessionEnd) => {
    setSession(null);
    setSessionState(null);
    setLoginMessage(why === 'expired' ? 'login.expired' : 'login.revoked');
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => endSession('expired'));
    return () => setUnauthorizedHandler(null);
  }, [endSession]);

  // Renew the token a few minutes before it expires.
  const renewing = useRef(false);
  useEffect(() => {
    if (!session) return;
    const wait = Math.max(5_000, Date.parse(session.expiresAt) - Date.now() - RENEW_BEFORE_MS);
    const timer = setTimeout(() => {
      if (renewing.current) return;
      renewing.current = true;
      refresh()
        .then(
          (next) => setSessionState(next),
          (error: unknown) => {
            if (error instanceof ApiError && (error.status === 401 || error.status === 403)) endSession('expired');
            else setSessionState((s) => (s ? { ...s } : s)); // try again on the next timer
          },
        )
        .finally(() => {
          renewing.current = false;
        });
    }, wait);
    return () => clearTimeout(timer);
  }, [session, endSession]);

  return (
    <I18nContext.Provider value={i18n}>
      {session && queryClient ? (
        <QueryClientProvider client={queryClient}>
          <StoreProvider key={session.user.id} session={session} onSessionEnd={endSession}>
            <Shell
              session={session}
              onLogout={() => {
                // Signing out is leaving the desk: the caller's name and phone in an unsent intake go with the user.
                // (An expired session or a closed tab keeps the draft, so a reload loses nothing.)
                clearDraft(session.user.id);
                void logout().finally(() => {
                  setSessionState(null);
                  setLoginMessage(null);
                });
              }}
            />
          </StoreProvider>
        </QueryClientProvider>
      ) : resuming ? (
        <div className="login-page" data-testid="resuming" aria-busy="true" />
      ) : (
        <LoginScreen
          message={loginMessage}
          onLogin={(s) => {
            setLoginMessage(null);
            setSessionState(s);
          }}
        />
      )}
    </I18nContext.Provider>
  );
}

/** `shown`: a tab the role cannot use is left out rather than shown only to say so. */
const NAV: {
  route: Route['name'];
  path: string;
  key: MessageKey;
  testId: string;
  shown?: (session: Session) => boolean;
}[] = [
  { route: 'duty', path: '/duty', key: 'nav.duty', testId: 'nav-duty' },
  { route: 'alarms', path: '/alarms', key: 'nav.alarms', testId: 'nav-alarms' },
  { route: 'board', path: '/board', key: 'nav.board', testId: 'nav-board' },
  {
    route: 'intake',
    path: '/intake',
    key: 'nav.intake',
    testId: 'nav-intake',
    shown: (session) => can(session, 'report'),
  },
  { route: 'teams', path: '/teams', key: 'nav.teams', testId: 'nav-teams' },
  { route: 'stock', path: '/stock', key: 'nav.stock', testId: 'nav-stock' },
  { route: 'plans', path: '/plans', key: 'nav.plans', testId: 'nav-plans' },
  // One tab for the expert library and the shelter register (a row of links under it), beside the teams and stock:
  // the registers the command centre calls on in a response, without widening the tab row by two.
  { route: 'experts', path: '/experts', key: 'experts.nav', testId: 'nav-resources' },
  { route: 'map', path: '/map', key: 'nav.map', testId: 'nav-map' },
  // One tab for the enterprise and hazard source registers and online monitoring (a row of links under it): three
  // more tabs would wrap the tab row onto a second line at 1366 pixels.
  { route: 'enterprises', path: '/enterprises', key: 'enterprises.nav', testId: 'nav-enterprises' },
  { route: 'warnings', path: '/warnings', key: 'nav.warnings', testId: 'nav-warnings' },
  { route: 'statistics', path: '/statistics', key: 'nav.statistics', testId: 'nav-statistics' },
  { route: 'compliance', path: '/compliance', key: 'nav.compliance', testId: 'nav-compliance' },
  { route: 'drills', path: '/drills', key: 'nav.drills', testId: 'nav-drills' },
];

/** Pages reached from a tab keep that tab lit. */
const TAB_OF: Partial<Record<Route['name'], Route['name']>> = {
  detail: 'board',
  replay: 'board',
  plan: 'plans',
  drill: 'drills',
  drillEvaluation: 'drills',
  drillReplay: 'drills',
  enterprise: 'enterprises',
  hazardSources: 'enterprises',
  hazardSource: 'enterprises',
  monitoring: 'enterprises',
  targets: 'statistics',
  hiddenHazards: 'enterprises',
  hiddenHazard: 'enterprises',
  expert: 'experts',
  shelters: 'experts',
  shelter: 'experts',
};

function Shell({ session, onLogout }: { session: Session; onLogout: () => void }) {
  const { t, lang, setLang } = useI18n();
  const { state } = useStore();
  const route = useRoute();
  // A duty officer's console opens on the duty desk (值班台); an explicit address is kept.
  const dutyOfficer = session.user.roles.includes('duty_officer');
  useEffect(() => {
    if (dutyOfficer && window.location.pathname === '/') navigate('/duty');
  }, [dutyOfficer]);
  const conn = state.connection;
  const roleText = session.user.roles.map((r) => t(`role.${r}` as MessageKey)).join('、');
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">{t('appTitle')}</div>
        <nav className="nav" aria-label={t('appTitle')}>
          {NAV.filter((n) => !n.shown || n.shown(session)).map((n) => (
            <a
              key={n.route}
              href={n.path}
              data-testid={n.testId}
              className={route.name === n.route || TAB_OF[route.name] === n.route ? 'active' : ''}
              aria-current={route.name === n.route ? 'page' : undefined}
              onClick={linkHandler(n.path)}>
              {t(n.key)}
            </a>
          ))}
        </nav>
        <div className="topbar-right">
          <AlarmBell />
          <span
            className={`conn conn-${conn}`}
            data-testid="connection-state"
            data-state={conn}
            data-stale={state.staleSince ? 'true' : undefined}
            role="status"
            aria-live="polite">
            <span className="dot" aria-hidden="true" />
            {conn === 'connected'
              ? t('conn.connected')
              : conn === 'connecting'
                ? t('conn.connecting')
                : t('conn.disconnected')}
            {state.staleSince && (
              <span className="conn-stale">
                {' · '}
                {t('live.badgeStale', { time: staleWords(state.staleSince, Date.parse(state.staleSince), lang).time })}
              </span>
            )}
          </span>
          <span className="user" data-testid="current-user" title={session.user.username}>
            {session.user.displayName
              ? `${session.user.displayName}（${session.user.username ?? session.user.id}）`
              : (session.user.username ?? session.user.id)}{' '}
            · {roleText}
          </span>
          <button
            type="button"
            className="linkish"
            data-testid="lang-switch"
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('langSwitch')}
          </button>
          <button type="button" className="linkish" data-testid="logout" onClick={onLogout}>
            {t('logout')}
          </button>
        </div>
      </header>
      <StaleBanner staleSince={state.staleSince} connection={conn} />
      <div className="body">
        <main className={state.staleSince ? 'main stale' : 'main'} data-stale={state.staleSince ? 'true' : undefined}>
          {route.name === 'duty' && <DutyDeskScreen session={session} />}
          {route.name === 'alarms' && <AlarmCentreScreen session={session} />}
          {route.name === 'board' && <BoardScreen />}
          {route.name === 'intake' && <IntakeScreen session={session} />}
          {route.name === 'detail' && <DetailScreen key={route.id} id={route.id} session={session} />}
          {route.name === 'teams' && <TeamsScreen session={session} />}
          {route.name === 'stock' && <StockScreen />}
          {route.name === 'plans' && <PlansScreen />}
          {route.name === 'map' && <MapScreen session={session} />}
          {route.name === 'replay' && <ReplayScreen key={route.id} incidentId={route.id} session={session} />}
          {route.name === 'drillReplay' && <DrillReplayScreen key={route.id} drillId={route.id} session={session} />}
          {route.name === 'plan' && <PlanScreen key={route.id} id={route.id} session={session} />}
          {route.name === 'warnings' && <WarningsScreen session={session} />}
          {route.name === 'statistics' && <StatisticsScreen session={session} />}
          {route.name === 'targets' && <TargetsScreen session={session} />}
          {route.name === 'compliance' && <ComplianceScreen session={session} />}
          {route.name === 'drills' && <DrillsScreen />}
          {route.name === 'drill' && <DrillScreen key={route.id} id={route.id} />}
          {route.name === 'drillEvaluation' && <DrillEvaluationScreen key={route.id} id={route.id} />}
          {route.name === 'enterprises' && <EnterprisesScreen session={session} />}
          {route.name === 'enterprise' && <EnterpriseScreen key={route.id} id={route.id} session={session} />}
          {route.name === 'hazardSources' && <HazardSourcesScreen session={session} />}
          {route.name === 'hazardSource' && <HazardSourceScreen key={route.id} id={route.id} session={session} />}
          {route.name === 'monitoring' && <OnlineRateScreen session={session} />}
          {route.name === 'hiddenHazards' && <HiddenHazardsScreen session={session} />}
          {route.name === 'hiddenHazard' && <HiddenHazardScreen key={route.id} id={route.id} session={session} />}
          {route.name === 'experts' && <ExpertsScreen session={session} />}
          {route.name === 'expert' && <ExpertScreen key={route.id} id={route.id} session={session} />}
          {route.name === 'shelters' && <SheltersScreen session={session} />}
          {route.name === 'shelter' && <ShelterScreen key={route.id} id={route.id} session={session} />}
        </main>
        <AlertsPanel session={session} />
      </div>
    </div>
  );
}
