import type { FastifyPluginAsyncJsonSchemaToTs } from '@fastify/type-provider-json-schema-to-ts';

/**
 * The type of every route file's plugin: request types come from the route's JSON schemas.
 * Date-time fields may be returned as `Date` (what the database gives); the serializer formats them.
 */
export type RoutePlugin = FastifyPluginAsyncJsonSchemaToTs<{
  SerializerSchemaOptions: {
    deserialize: [{ pattern: { type: 'string'; format: 'date-time' }; output: Date | string }];
  };
}>;
