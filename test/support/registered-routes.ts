import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { COMMAND_ROUTE, IF_MATCH_ROUTE, PUBLIC_ROUTE } from '../../libs/shared/src/nest';

/** Served outside /api/v1 (bootstrap.ts): probes and the Prometheus scrape. */
const UNPREFIXED = ['health', 'health/live', 'health/ready', 'metrics'];

export interface Route {
  method: string;
  /** As registered with Fastify, e.g. /api/v1/incidents/:id */
  pattern: string;
  isPublic: boolean;
  /** A command route of a controller that takes `If-Match` (`CommandController(…, { ifMatch })`). */
  ifMatch: boolean;
}

/**
 * Every HTTP route the Nest application registered, read from the controllers' own metadata, so a route added
 * later is checked here without anyone remembering to list it. The global prefix is api/v1 except for health
 * (apps/command-api/src/bootstrap.ts).
 */
export function registeredRoutes(app: NestFastifyApplication): Route[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const seen = new Set<unknown>();
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype;
    if (!type || seen.has(type)) continue;
    seen.add(type);
    const prototype = type.prototype as Record<string, unknown>;
    const base = firstPath(Reflect.getMetadata(PATH_METADATA, type));
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      if (typeof handler !== 'function') continue;
      const method: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
      const path: unknown = Reflect.getMetadata(PATH_METADATA, handler);
      if (typeof method !== 'number' || path === undefined) continue;
      const joined = [base, firstPath(path)].filter((p) => p !== '' && p !== '/').join('/');
      const prefixed = UNPREFIXED.includes(joined) ? `/${joined}` : `/api/v1/${joined}`;
      const isPublic =
        Reflect.getMetadata(PUBLIC_ROUTE, handler) === true || Reflect.getMetadata(PUBLIC_ROUTE, type) === true;
      const ifMatch =
        Reflect.getMetadata(COMMAND_ROUTE, handler) === true && Reflect.getMetadata(IF_MATCH_ROUTE, type) === true;
      routes.push({ method: RequestMethod[method]!, pattern: prefixed.replace(/\/+$/, ''), isPublic, ifMatch });
    }
  }
  return routes;
}

function firstPath(path: unknown): string {
  const value = Array.isArray(path) ? path[0] : path;
  return typeof value === 'string' ? value.replace(/^\/+|\/+$/g, '') : '';
}
