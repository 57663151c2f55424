import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ConsoleServing {
  dir: string;
  tileUrl: string | null;
  timeZone: string;
}

/** Paths the console never owns: a miss there is the API's 404 (problem+json), not the console's page. */
const NOT_CONSOLE = /^\/(api|health|socket\.io)(\/|$)/;

/**
 * Serves the built console (apps/console/dist) at `/`, with `index.html` for the console's own routes (deep links
 * survive a reload), and `/console-config.json` (public: the optional tile URL and the display zone). Without a
 * build, `/` says how to make one instead of failing.
 */
export async function serveConsole(app: NestFastifyApplication, options: ConsoleServing): Promise<void> {
  const root = resolve(process.cwd(), options.dir);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/console-config.json', async (_request, reply) => {
    void reply.header('cache-control', 'no-cache');
    return { tileUrl: options.tileUrl, timeZone: options.timeZone };
  });
  if (!existsSync(resolve(root, 'index.html'))) {
    fastify.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>应急指挥调度系统</title><p>控制台尚未构建：请运行 <code>npm run build:console</code>（npm start 会自动构建）。</p>',
        ),
    );
    return;
  }
  // Hashed assets are immutable; index.html is revalidated so a new build reaches every console.
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // Our own cache headers below; the plugin's default (max-age=0) would overwrite them.
    cacheControl: false,
    // Source maps are not published: the build makes none, and one left in a folder by a development build stays
    // unserved, so the console's source is not handed out with its comments and structure.
    allowedPath: (pathname: string) => !/\.map$/i.test(pathname),
    setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) => {
      res.setHeader(
        'cache-control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const page = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  fastify.get('/', page);
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Unknown API paths and missing files stay 404s; anything else is a console route.
    if (NOT_CONSOLE.test(path) || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
    return page(request, reply);
  });
}
