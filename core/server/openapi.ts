import type { FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';

/** The OpenAPI document at /api/docs/json and its UI at /api/docs, generated from route schemas. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'County work platform API',
        version: '0.1.0',
        description: 'Multi-tenant low-code platform. Errors: {"error": {"code", "message", "details"}}.',
      },
      components: {
        securitySchemes: {
          tenantSession: { type: 'apiKey', in: 'cookie', name: 'sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
}
