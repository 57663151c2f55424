import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where Swagger UI lives; its page is the only one that needs inline styles from the server. */
export const API_DOCS_PATH = /^\/api\/docs(\/|$|\?)/;

export interface SecurityHeaderOptions {
  /** The configured basemap tile server's origin, the one place images may come from besides the console itself. */
  tileOrigin?: string;
}

type Directives = Record<string, string[]>;

/**
 * The console's policy, and the default for every answer. Script only from the console's own files (the built
 * index.html has no inline script), no inline handlers, no plugins, no frames in either direction, no foreign
 * `<base>` or form targets: text that slipped into markup somewhere still could not run or send anything away.
 * Styles: the console's CSS is a file; React and Leaflet set element styles through the CSSOM, which CSP leaves
 * alone, so no 'unsafe-inline' is needed there either.
 */
export function consoleDirectives(options: SecurityHeaderOptions): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', ...(options.tileOrigin ? [options.tileOrigin] : [])],
    'font-src': ["'self'"],
    // The API and the Socket.IO feed are same-origin ('self' covers ws:/wss: to the same host in CSP 3).
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'child-src': ["'none'"],
    'worker-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
}

/**
 * Swagger UI's page (`/api/docs`): its HTML carries inline `<style>` blocks, so styles may be inline there; script
 * still comes only from its own bundle files. Nothing else gets this policy.
 */
export function apiDocsDirectives(): Directives {
  return { ...consoleDirectives({}), 'style-src': ["'self'", "'unsafe-inline'"] };
}

export function serialise(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/** HSTS only makes sense on an answer that travelled over TLS; over plain HTTP a browser ignores it anyway. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers: helmet's defaults (nosniff, referrer policy, opener policy, …) with our CSP, frames denied,
 * and two things helmet cannot decide per request — the Swagger page's own CSP and HSTS only over https.
 * `request.protocol` is https when the connection is TLS, or when a trusted proxy says so (Fastify's trustProxy).
 */
export async function registerSecurityHeaders(fastify: FastifyInstance, options: SecurityHeaderOptions): Promise<void> {
  await fastify.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: consoleDirectives(options) },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
  });
  const docsPolicy = serialise(apiDocsDirectives());
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (API_DOCS_PATH.test(request.url)) reply.header('content-security-policy', docsPolicy);
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
