import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

describe('tenancy: the operator creates, lists, suspends and resumes tenants', () => {
  let platform: TestPlatform;
  let county: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('huantai', '桓台县');
  });
  afterAll(() => platform?.stop());

  it('lists tenants with their usage figures', async () => {
    const response = await platform.operator.get('/api/platform/tenants');
    expect(response.statusCode).toBe(200);
    const item = response.json().items.find((t: { slug: string }) => t.slug === 'huantai');
    expect(item).toMatchObject({ name: '桓台县', status: 'active', usage: { users: 1, people: 0, enabledModules: 0 } });
    // One record so far: the admin's sign-in, in the county's audit trail.
    expect(item.usage.records).toBe(1);
  });

  it('refuses a second tenant with the same address, naming the field', async () => {
    const response = await platform.operator.post('/api/platform/tenants', {
      slug: 'huantai',
      name: '重复',
      admin: { username: 'x-admin', displayName: 'X', password: 'long-enough-1' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0].path).toBe('body.slug');
  });

  it('rejects an invalid tenant body with every bad field named and creates nothing', async () => {
    const before = await platform.ownerQuery('core_tenant').count<{ count: number }[]>('* as count');
    const response = await platform.operator.post('/api/platform/tenants', {
      slug: 'Bad Slug!',
      name: '<script>x</script>',
      admin: { username: 'a', displayName: 'A', password: 'short' },
      extra: true,
    });
    expect(response.statusCode).toBe(400);
    const paths = response.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.slug', 'body.name', 'body.admin.username', 'body.admin.password', 'body.extra']));
    const after = await platform.ownerQuery('core_tenant').count<{ count: number }[]>('* as count');
    expect(Number(after[0].count)).toBe(Number(before[0].count));
  });

  it('a suspended tenant answers 403 with a clear message and keeps its data; resuming restores access', async () => {
    const suspend = await platform.operator.post(`/api/platform/tenants/${county.id}/suspend`);
    expect(suspend.statusCode).toBe(200);
    expect(suspend.json().status).toBe('suspended');

    const blocked = await county.admin.get(`${county.base}/auth/me`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('TENANT_SUSPENDED');
    expect(blocked.json().error.message).toMatch(/suspended/);
    const users = await platform.ownerQuery('core_user').where({ tenant_id: county.id }).count<{ count: number }[]>('* as count');
    expect(Number(users[0].count)).toBe(1);

    const resume = await platform.operator.post(`/api/platform/tenants/${county.id}/resume`);
    expect(resume.json().status).toBe('active');
    expect((await county.admin.get(`${county.base}/auth/me`)).statusCode).toBe(200);
  });

  it('an unknown tenant is a 404 and tenant routes need no operator', async () => {
    const response = await platform.client().get('/api/t/nowhere/auth/me');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('TENANT_NOT_FOUND');
  });

  it('operators sign in with their own accounts, not with tenant ones', async () => {
    expect((await platform.client().post('/api/platform/auth/login', { login: 'admin', password: 'admin-pass-123' })).statusCode).toBe(401);
    expect(
      (await platform.client().post('/api/platform/auth/login', { login: 'test-operator', password: 'wrong-password' })).statusCode,
    ).toBe(401);
    const me = await platform.operator.get('/api/platform/auth/me');
    expect(me.json().operator.username).toBe('test-operator');
  });

  it('the operator API needs an operator session, and a CSRF token for changes', async () => {
    expect((await platform.client().get('/api/platform/tenants')).statusCode).toBe(401);
    const response = await platform.operator.post(`/api/platform/tenants/${county.id}/suspend`, {}, { 'x-csrf-token': 'wrong' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CSRF_TOKEN_INVALID');
  });
});
