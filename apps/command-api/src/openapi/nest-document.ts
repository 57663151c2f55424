import { NestFactory, DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { HEADERS_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { OPENAPI_ROUTE, PUBLIC_ROUTE, validateConfig } from '@app/shared/nest';
import { AppModule } from '../app.module';
import type { RouteFacts } from './complete-document';

/** The metadata key of `@ApiProduces` (@nestjs/swagger's DECORATORS.API_PRODUCES, not exported from its index). */
const API_PRODUCES = 'swagger/apiProduces';

/** Served outside /api/v1, as bootstrap.ts sets the global prefix. */
export const UNPREFIXED_ROUTES = ['health', 'health/live', 'health/ready', 'metrics'];

export interface NestDocument {
  document: OpenAPIObject;
  /** operationId (`ControllerClass_method`) → what the controller's metadata says beyond @nestjs/swagger. */
  facts: Map<string, RouteFacts>;
}

/**
 * The document @nestjs/swagger reads from the controllers (paths, parameters, request bodies from the request
 * classes), with the module graph scanned in preview mode: no provider is instantiated, so no database, broker or
 * port is needed and the document can be written on any machine.
 */
export async function nestDocument(): Promise<NestDocument> {
  const app = await previewApp();
  try {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    return { document, facts: routeFacts(app) };
  } finally {
    await app.close();
  }
}

/** The application's module graph in preview mode (controllers and their metadata; no provider built). */
export async function previewApp(): Promise<NestFastifyApplication> {
  const config = {
    ...validateConfig({ NODE_ENV: 'test', API_DOCS: 'public' }),
    // Never connected to: preview mode builds no provider.
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/none',
  };
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api/v1', { exclude: UNPREFIXED_ROUTES });
  return app;
}

function routeFacts(app: NestFastifyApplication): Map<string, RouteFacts> {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const facts = new Map<string, RouteFacts>();
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype;
    if (!type) continue;
    const prototype = type.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
      const spec = Reflect.getMetadata(OPENAPI_ROUTE, handler) as { errors: string[] } | undefined;
      const isPublic =
        Reflect.getMetadata(PUBLIC_ROUTE, handler) === true || Reflect.getMetadata(PUBLIC_ROUTE, type) === true;
      facts.set(`${type.name}_${name}`, {
        isPublic,
        errors: spec?.errors ?? [],
        contentTypes: contentTypes(handler),
      });
    }
  }
  return facts;
}

/** The media types of a success body: `@ApiProduces(…)`, else a `@Header('content-type', …)`; none for JSON. */
function contentTypes(handler: object): string[] {
  const produces = Reflect.getMetadata(API_PRODUCES, handler) as string[] | undefined;
  if (produces && produces.length > 0) return produces.map(mediaType);
  const headers = (Reflect.getMetadata(HEADERS_METADATA, handler) ?? []) as { name: string; value: string }[];
  const declared = headers.find((h) => h.name.toLowerCase() === 'content-type');
  return declared ? [mediaType(declared.value)] : [];
}

/** Without parameters: `text/plain; charset=utf-8` → `text/plain` (the charset is always UTF-8). */
function mediaType(value: string): string {
  return value.split(';')[0]!.trim();
}
