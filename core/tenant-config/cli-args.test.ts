import { describe, expect, it } from 'vitest';
import { CliUsageError, parseApplyArgs, parseExportArgs } from './cli-args.ts';

describe('tenants:apply arguments', () => {
  it('takes one file and the flags in any order', () => {
    expect(parseApplyArgs(['--prune', 'county.json', '--dry-run'], {})).toEqual({
      file: 'county.json',
      prune: true,
      dryRun: true,
      adminPassword: undefined,
    });
  });

  it('takes the admin password from the option (both spellings) or from TENANT_ADMIN_PASSWORD', () => {
    expect(parseApplyArgs(['f.json', '--admin-password', 'Secret-123'], {}).adminPassword).toBe('Secret-123');
    expect(parseApplyArgs(['f.json', '--admin-password=Secret-456'], {}).adminPassword).toBe('Secret-456');
    expect(parseApplyArgs(['f.json'], { TENANT_ADMIN_PASSWORD: 'From-env-1' }).adminPassword).toBe('From-env-1');
    expect(parseApplyArgs(['f.json', '--admin-password', 'Option-wins'], { TENANT_ADMIN_PASSWORD: 'From-env-1' }).adminPassword).toBe(
      'Option-wins',
    );
  });

  it('refuses a missing or second file, an unknown option, a missing or short password', () => {
    expect(() => parseApplyArgs([], {})).toThrow(CliUsageError);
    expect(() => parseApplyArgs(['a.json', 'b.json'], {})).toThrow(CliUsageError);
    expect(() => parseApplyArgs(['a.json', '--force'], {})).toThrow(/unknown option --force/);
    expect(() => parseApplyArgs(['a.json', '--admin-password'], {})).toThrow(/needs a value/);
    expect(() => parseApplyArgs(['a.json', '--admin-password', 'short'], {})).toThrow(/8 to 128/);
  });
});

describe('tenants:export arguments', () => {
  it('takes a slug and an optional file', () => {
    expect(parseExportArgs(['huantai'])).toEqual({ slug: 'huantai', file: undefined });
    expect(parseExportArgs(['huantai', 'out.json'])).toEqual({ slug: 'huantai', file: 'out.json' });
  });

  it('refuses no slug, three arguments and options', () => {
    expect(() => parseExportArgs([])).toThrow(CliUsageError);
    expect(() => parseExportArgs(['a', 'b', 'c'])).toThrow(CliUsageError);
    expect(() => parseExportArgs(['a', '--pretty'])).toThrow(/unknown option/);
  });
});
