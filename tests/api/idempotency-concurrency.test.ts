import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

describe('Idempotency-Key: retries sent at the same moment', () => {
  let platform: TestPlatform;
  let county: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('idem-county');
  });
  afterAll(() => platform?.stop());

  it('concurrent retries of one create wait for the first and all get its answer; one record is created', async () => {
    for (let round = 0; round < 4; round += 1) {
      const key = { 'idempotency-key': `concurrent-${round}-abcdef` };
      const name = `并发角色${round}`;
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => county.admin.post(`${county.base}/roles`, { name, grants: [] }, key)),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
      const ids = new Set(answers.map((a) => a.json().id));
      expect(ids.size).toBe(1);
      expect(answers.filter((a) => a.headers['idempotent-replay'] === 'true')).toHaveLength(4);
      const named = (await county.admin.get(`${county.base}/roles`)).json().items.filter((r: { name: string }) => r.name === name);
      expect(named).toHaveLength(1);
    }
  });

  it('when the first of concurrent retries fails, the next one creates', async () => {
    const key = { 'idempotency-key': 'concurrent-fail-abcdef' };
    const [bad, good] = await Promise.all([
      county.admin.post(`${county.base}/roles`, { name: '坏角色', grants: [{ permission: 'no.such', scope: 'tenant' }] }, key),
      county.admin.post(`${county.base}/roles`, { name: '好角色', grants: [] }, key),
    ]);
    // Either order is possible; whichever committed first is what the other one gets.
    expect(bad.statusCode === 400 || bad.statusCode === 201).toBe(true);
    expect(good.statusCode).toBe(201);
    if (bad.statusCode === 201) expect(bad.json()).toEqual(good.json());
  });
});
