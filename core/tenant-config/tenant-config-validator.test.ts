import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_FILES, demoTenantFile } from '../server/demo-seed.ts';
import { checkTenantConfigShape } from './tenant-config-validator.ts';

const minimal = { version: 1, profile: { slug: 'some-county', name: '某县' } };

describe('tenant-config/schema.json', () => {
  it.each(DEMO_TENANT_FILES)('the demo file %s.json is valid', (name) => {
    const result = checkTenantConfigShape(JSON.parse(fs.readFileSync(demoTenantFile(name), 'utf8')));
    expect(result.ok ? [] : result.details).toEqual([]);
  });

  it('needs only the version and the profile', () => {
    expect(checkTenantConfigShape(minimal).ok).toBe(true);
  });

  it('names each problem by its JSON path inside the file', () => {
    const result = checkTenantConfigShape({
      ...minimal,
      units: [
        {
          name: '某县',
          kind: 'county',
          code: '1',
          children: [
            { name: '甲', kind: 'province' },
            { name: 'a/b', kind: 'town' },
          ],
        },
      ],
      people: [{ name: '张三', phone: '12345', unit: '1' }],
      roles: [{ name: '督查员', grants: [{ permission: 'core.org.read', scope: 'everywhere' }] }],
      admins: [{ username: 'x', displayName: '管理员' }],
      colour: 'red',
    });
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'units[0].children[0].kind',
        'units[0].children[1].name',
        'people[0].phone',
        'roles[0].grants[0].scope',
        'admins[0].username',
        'colour',
      ]),
    );
  });

  it('reports a missing profile at the top and a wrong root as the file', () => {
    const missing = checkTenantConfigShape({ version: 1 });
    expect(missing.ok ? [] : missing.details).toEqual([{ path: 'profile', message: 'is required' }]);
    const wrong = checkTenantConfigShape([]);
    expect(wrong.ok ? [] : wrong.details.map((d) => d.path)).toEqual(['(file)']);
  });

  it('does not change the document it checks', () => {
    const input = structuredClone(minimal);
    checkTenantConfigShape(input);
    expect(input).toEqual(minimal);
  });
});
