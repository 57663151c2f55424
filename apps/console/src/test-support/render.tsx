import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { setActiveLang } from '../app/locale';
import { createConsoleQueryClient } from '../app/query-client';
import { I18nContext, translator, type Lang } from '../i18n';

/** Renders a component as the console does: inside a fresh query cache and the chosen language (Chinese by default). */
export function renderInConsole(ui: ReactElement, { lang = 'zh' as Lang } = {}): RenderResult {
  setActiveLang(lang);
  const client = createConsoleQueryClient();
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
  return render(
    <QueryClientProvider client={client}>
      <I18nContext.Provider value={{ lang, t: translator(lang), setLang: () => undefined }}>{ui}</I18nContext.Provider>
    </QueryClientProvider>,
  );
}

/**
 * Answers the console's `fetch` calls from a table of `METHOD /path` → status and body (paths without the `/api/v1`
 * prefix); anything not in the table fails the test loudly. Returns the calls made, for assertions.
 */
export function answerFetch(routes: Record<string, { status?: number; body?: unknown }>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchMock = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://console.test');
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v1/, '') + url.search;
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body });
    const route = routes[`${method} ${path}`] ?? routes[`${method} ${url.pathname.replace(/^\/api\/v1/, '')}`];
    if (!route) return Promise.reject(new Error(`unexpected request ${method} ${path}`));
    const status = route.status ?? 200;
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return Promise.resolve(
      new Response(route.body === undefined ? null : JSON.stringify(route.body), {
        status,
        headers: { 'content-type': type },
      }),
    );
  };
  globalThis.fetch = fetchMock as typeof fetch;
  return calls;
}
