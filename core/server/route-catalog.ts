import type { FastifyInstance, FastifySchema, HTTPMethods } from 'fastify';

export interface CatalogRoute {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, for the schema check and the cross-tenant test harness. */
    routeCatalog: CatalogRoute[];
  }
}

export function registerRouteCatalog(app: FastifyInstance): void {
  const routes: CatalogRoute[] = [];
  app.decorate('routeCatalog', routes);
  app.addHook('onRoute', (route) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]) as HTTPMethods[];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        schema: route.schema,
        public: (route.config as { public?: boolean } | undefined)?.public === true,
      });
    }
  });
}
