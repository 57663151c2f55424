import { afterEach, describe, expect, it } from 'vitest';
import { getAll, nextListPath } from './api';

const original = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = original;
});

/** Answers each path with its rows and, when given, a `Link` to the next page, as the API pages every list. */
function serve(pages: Record<string, { rows: unknown[]; next?: string }>): string[] {
  const asked: string[] = [];
  globalThis.fetch = ((input: RequestInfo | URL) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://console.test');
    const path = url.pathname + url.search;
    asked.push(path);
    const page = pages[path];
    if (!page) return Promise.reject(new Error(`unexpected request ${path}`));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (page.next) headers.link = `<${page.next}>; rel="next"`;
    return Promise.resolve(new Response(JSON.stringify(page.rows), { headers }));
  }) as typeof fetch;
  return asked;
}

describe('reading a whole list page by page', () => {
  it('follows Link to the last page and keeps every row in order', async () => {
    const asked = serve({
      '/api/v1/teams': { rows: [{ id: 'a' }, { id: 'b' }], next: '/api/v1/teams?cursor=c1' },
      '/api/v1/teams?cursor=c1': { rows: [{ id: 'c' }], next: '/api/v1/teams?cursor=c2' },
      '/api/v1/teams?cursor=c2': { rows: [{ id: 'd' }] },
    });
    expect(await getAll<{ id: string }>('/teams')).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]);
    expect(asked).toEqual(['/api/v1/teams', '/api/v1/teams?cursor=c1', '/api/v1/teams?cursor=c2']);
  });

  it('stops after its page bound even if the server kept answering next', async () => {
    const asked = serve({
      '/api/v1/plans': { rows: [{ id: 'a' }], next: '/api/v1/plans' },
    });
    expect(await getAll('/plans', 3)).toHaveLength(3);
    expect(asked).toHaveLength(3);
  });

  it('reads the next path below /api/v1 from a Link header, or none', () => {
    expect(nextListPath('</api/v1/experts?q=%E5%8C%96&cursor=x.y>; rel="next"')).toBe(
      '/experts?q=%E5%8C%96&cursor=x.y',
    );
    expect(nextListPath(null)).toBeNull();
    expect(nextListPath('</api/v1/experts>; rel="prev"')).toBeNull();
  });
});
