import Fastify, { type FastifyInstance } from 'fastify';
import { registerSecurityHeaders } from './security-headers';

/**
 * HSTS depends on how the request arrived, which the e2e suites (plain HTTP, no trusted proxy) cannot show from the
 * https side: here a Fastify instance that trusts its proxy receives both kinds.
 */
describe('security headers by transport', () => {
  let fastify: FastifyInstance;
  beforeAll(async () => {
    fastify = Fastify({ trustProxy: true });
    await registerSecurityHeaders(fastify, {});
    fastify.get('/', async () => 'ok');
    fastify.get('/api/docs', async () => 'docs');
    await fastify.ready();
  });
  afterAll(async () => {
    await fastify.close();
  });

  it('sends HSTS when the request came over https, and not over plain HTTP', async () => {
    const tls = await fastify.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const plain = await fastify.inject({ url: '/' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('gives /api/docs, and only it, inline styles', async () => {
    const docs = await fastify.inject({ url: '/api/docs' });
    expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs.headers['content-security-policy']).toContain("script-src 'self';");
    for (const url of ['/', '/api/docsx', '/api/v1/docs']) {
      const other = await fastify.inject({ url });
      expect(other.headers['content-security-policy']).toContain("style-src 'self';");
    }
  });
});
