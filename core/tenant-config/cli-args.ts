/** Arguments of `npm run tenants:apply` and `npm run tenants:export`, parsed without side effects. */

export type ApplyArgs = { file: string; prune: boolean; dryRun: boolean; adminPassword: string | undefined };
export type ExportArgs = { slug: string; file: string | undefined };

export const APPLY_USAGE =
  'usage: npm run tenants:apply -- <file.json> [--prune] [--dry-run] [--admin-password <password>]   (or TENANT_ADMIN_PASSWORD=...)';
export const EXPORT_USAGE = 'usage: npm run tenants:export -- <slug> [file.json]   (no file: to standard output)';

export class CliUsageError extends Error {}

export function parseApplyArgs(argv: string[], env: NodeJS.ProcessEnv): ApplyArgs {
  const positional: string[] = [];
  let prune = false;
  let dryRun = false;
  let adminPassword = env.TENANT_ADMIN_PASSWORD || undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--prune') prune = true;
    else if (arg === '--dry-run') dryRun = true;
    else if (arg === '--admin-password' || arg.startsWith('--admin-password=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value) throw new CliUsageError(`--admin-password needs a value\n${APPLY_USAGE}`);
      adminPassword = value;
    } else if (arg.startsWith('-')) throw new CliUsageError(`unknown option ${arg}\n${APPLY_USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new CliUsageError(APPLY_USAGE);
  // The same rule as the account API (8–128 characters), checked before the database is opened.
  if (adminPassword !== undefined && (adminPassword.length < 8 || adminPassword.length > 128))
    throw new CliUsageError('the admin password must have 8 to 128 characters');
  return { file: positional[0], prune, dryRun, adminPassword };
}

export function parseExportArgs(argv: string[]): ExportArgs {
  const positional = argv.filter((a) => !a.startsWith('-'));
  const unknown = argv.find((a) => a.startsWith('-'));
  if (unknown) throw new CliUsageError(`unknown option ${unknown}\n${EXPORT_USAGE}`);
  if (positional.length < 1 || positional.length > 2) throw new CliUsageError(EXPORT_USAGE);
  return { slug: positional[0], file: positional[1] };
}
