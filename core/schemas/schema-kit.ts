/**
 * What a module's `schemas/` files import from core: JSON Schema pieces and constants, and nothing
 * that only runs on the server. The web app type-checks those files too (a module's pages import
 * their request and response types from them with `import type`, FromSchema), so they must not
 * reach the server through core/module-kit.ts (fastify, knex, node). ESLint holds
 * `modules/*\/schemas` to this file.
 */
export {
  cursorQuery,
  errorResponses,
  limitQuery,
  nullableString,
  nullableTimestamp,
  plainName,
  plainText,
  responseObject,
  tenantIdParams,
  tenantParams,
  tenantSlug,
  timestamp,
  timeZoneName,
  uuid,
} from './common.schema.ts';
export { XLSX_MIME } from './xlsx-mime.ts';
export { CORE_HUMAN_CHECK_FAILED, humanCheckAnswer, type HumanCheckChallengeView } from './human-check.schema.ts';
export { CORE_ERRORS, type CoreErrorCode } from './error-codes.ts';
