import { useEffect, useState } from 'react';

/**
 * History routing: /duty, /alarms, /board, /intake, /incidents/:id, /replay/:incidentId, /replay/drill/:drillId,
 * /teams, /stock, /plans, /plans/:id, /map, /warnings, /statistics, /compliance, /drills, /drills/:id,
 * /drills/:id/evaluation, /statistics/targets, /enterprises, /enterprises/:id, /hazard-sources, /hazard-sources/:id,
 * /monitoring, /hidden-hazards, /hidden-hazards/:id, /experts, /experts/:id, /shelters, /shelters/:id (the server
 * serves index.html for these).
 */
export type Route =
  | { name: 'duty' }
  | { name: 'alarms' }
  | { name: 'board' }
  | { name: 'intake' }
  | { name: 'detail'; id: string }
  | { name: 'teams' }
  | { name: 'stock' }
  | { name: 'plans' }
  | { name: 'plan'; id: string }
  | { name: 'map' }
  | { name: 'replay'; id: string }
  | { name: 'drillReplay'; id: string }
  | { name: 'warnings' }
  | { name: 'statistics' }
  | { name: 'targets' }
  | { name: 'compliance' }
  | { name: 'drills' }
  | { name: 'drill'; id: string }
  | { name: 'drillEvaluation'; id: string }
  | { name: 'enterprises' }
  | { name: 'enterprise'; id: string }
  | { name: 'hazardSources' }
  | { name: 'hazardSource'; id: string }
  | { name: 'monitoring' }
  | { name: 'hiddenHazards' }
  | { name: 'hiddenHazard'; id: string }
  | { name: 'experts' }
  | { name: 'expert'; id: string }
  | { name: 'shelters' }
  | { name: 'shelter'; id: string };

const UUID = '([0-9a-fA-F-]{36})';
/** Routes with one id in their path, tried in order. */
const WITH_ID: [RegExp, Route['name']][] = [
  [new RegExp(`^/incidents/${UUID}$`), 'detail'],
  [new RegExp(`^/replay/drill/${UUID}$`), 'drillReplay'],
  [new RegExp(`^/replay/${UUID}$`), 'replay'],
  [new RegExp(`^/plans/${UUID}$`), 'plan'],
  [new RegExp(`^/drills/${UUID}/evaluation$`), 'drillEvaluation'],
  [new RegExp(`^/drills/${UUID}$`), 'drill'],
  [new RegExp(`^/enterprises/${UUID}$`), 'enterprise'],
  [new RegExp(`^/hazard-sources/${UUID}$`), 'hazardSource'],
  [new RegExp(`^/hidden-hazards/${UUID}$`), 'hiddenHazard'],
  [new RegExp(`^/experts/${UUID}$`), 'expert'],
  [new RegExp(`^/shelters/${UUID}$`), 'shelter'],
];

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  for (const [pattern, name] of WITH_ID) {
    const match = pattern.exec(path);
    if (match) return { name, id: match[1]!.toLowerCase() } as Route;
  }
  switch (path) {
    case '/duty':
      return { name: 'duty' };
    case '/alarms':
      return { name: 'alarms' };
    case '/intake':
      return { name: 'intake' };
    case '/teams':
      return { name: 'teams' };
    case '/stock':
      return { name: 'stock' };
    case '/plans':
      return { name: 'plans' };
    case '/map':
      return { name: 'map' };
    case '/warnings':
      return { name: 'warnings' };
    case '/statistics':
      return { name: 'statistics' };
    case '/statistics/targets':
      return { name: 'targets' };
    case '/compliance':
      return { name: 'compliance' };
    case '/drills':
      return { name: 'drills' };
    case '/enterprises':
      return { name: 'enterprises' };
    case '/hazard-sources':
      return { name: 'hazardSources' };
    case '/monitoring':
      return { name: 'monitoring' };
    case '/hidden-hazards':
      return { name: 'hiddenHazards' };
    case '/experts':
      return { name: 'experts' };
    case '/shelters':
      return { name: 'shelters' };
    default:
      return { name: 'board' };
  }
}

const listeners = new Set<() => void>();

export function navigate(path: string): void {
  if (window.location.pathname !== path) window.history.pushState(null, '', path);
  for (const l of listeners) l();
  window.scrollTo(0, 0);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** onClick for <a href>: client-side navigation unless a modifier asks for a new tab. */
export function linkHandler(path: string) {
  return (e: React.MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(path);
  };
}
