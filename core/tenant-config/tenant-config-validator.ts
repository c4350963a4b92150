import fs from 'node:fs';
import { createAjv } from '../schemas/ajv.ts';
import { issueMessage, issuePath } from '../http/error-handler.ts';
import { badRequest, type ErrorDetail } from '../http/errors.ts';
import type { TenantConfig } from './tenant-config.types.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/** `tenant-config/schema.json`: the published contract, read once. */
export const TENANT_CONFIG_SCHEMA_PATH = new URL('../../tenant-config/schema.json', import.meta.url);

const schema: Record<string, unknown> = JSON.parse(fs.readFileSync(TENANT_CONFIG_SCHEMA_PATH, 'utf8'));
// Strict, like request bodies: an unknown field in a hand-written file is a typo, not an extension.
const validate = createAjv('body').compile<TenantConfig>(schema);

/**
 * Checks a configuration against schema.json without changing it (the shared ajv applies defaults,
 * so it validates a copy). Problems name the JSON path inside the file: `units[3].code`.
 */
export function checkTenantConfigShape(input: unknown): { ok: true; config: TenantConfig } | { ok: false; details: ErrorDetail[] } {
  const copy: unknown = structuredClone(input);
  if (validate(copy)) return { ok: true, config: copy };
  return {
    ok: false,
    details: (validate.errors ?? []).map((issue) => ({ path: jsonPath(issuePath('', issue)), message: issueMessage(issue) })),
  };
}

/** The configuration, or a 400 `TENANT_CONFIG_INVALID` listing every problem. */
export function parseTenantConfig(input: unknown): TenantConfig {
  const result = checkTenantConfigShape(input);
  if (!result.ok) throw invalidConfig(result.details);
  return result.config;
}

export function invalidConfig(details: ErrorDetail[]) {
  return badRequest(
    CORE_ERRORS.TENANT_CONFIG_INVALID,
    `The tenant configuration has ${details.length} problem(s); nothing was changed`,
    details,
  );
}

/** `issuePath` with an empty context gives `.units[3]`; the file's own paths have no leading dot. */
function jsonPath(path: string): string {
  const bare = path.startsWith('.') ? path.slice(1) : path;
  return bare === '' ? '(file)' : bare;
}
