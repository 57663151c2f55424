import { useEffect, useState } from 'react';

/**
 * History routing: /duty, /alarms, /board, /intake, /incidents/:id, /replay/:incidentId, /teams, /stock, /plans, /map
 * (the server serves index.html for these).
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
  | { name: 'map' }
  | { name: 'replay'; id: string };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  const detail = /^\/incidents\/([0-9a-fA-F-]{36})$/.exec(path);
  if (detail) return { name: 'detail', id: detail[1]!.toLowerCase() };
  const replay = /^\/replay\/([0-9a-fA-F-]{36})$/.exec(path);
  if (replay) return { name: 'replay', id: replay[1]!.toLowerCase() };
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
