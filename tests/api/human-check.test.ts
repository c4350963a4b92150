import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import { verifyHumanCheck, type HumanCheckAnswer } from '../../core/human-check/human-check.ts';
import { AppError } from '../../core/http/errors.ts';
import { solvedHumanCheck } from '../helpers/human-check.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

/**
 * The human check guarding public forms: a browser gets a challenge without signing in, solves
 * it, and a module accepts the answer once. A replay, a forged answer, another county's challenge
 * or an expired one is a 400 naming the field, and nothing else.
 */
describe('human checks: a solved challenge opens a public form once', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let other: TestTenant;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    county = await platform.createTenant('check-county');
    other = await platform.createTenant('check-other');
  });
  afterAll(() => platform?.stop());

  const verify = (tenant: TestTenant, answer: HumanCheckAnswer, now = new Date()) =>
    withTenant(platform.db, tenant.id, (trx) => verifyHumanCheck(trx, tenant.id, answer, 'body.humanCheck', now)).then(
      () => 'passed',
      (error: unknown) => (error instanceof AppError ? `${error.statusCode} ${error.code} ${error.details[0]?.message}` : String(error)),
    );

  it('anyone may ask for a challenge without signing in', async () => {
    const response = await platform.client().post(`/api/t/${county.slug}/human-checks`);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ parameters: { algorithm: 'SHA-256' }, signature: expect.any(String) });
  });

  it('a solved challenge passes once; the same answer again is refused', async () => {
    const answer = await solvedHumanCheck(platform.client(), county.slug);
    expect(await verify(county, answer)).toBe('passed');
    expect(await verify(county, answer)).toBe('400 HUMAN_CHECK_FAILED was already used');
  });

  it('a wrong counter, a changed challenge or another county’s challenge is refused', async () => {
    const answer = await solvedHumanCheck(platform.client(), county.slug);
    expect(await verify(county, { ...answer, solution: { ...answer.solution, counter: answer.solution.counter + 1 } })).toBe(
      '400 HUMAN_CHECK_FAILED is not solved',
    );
    const cheaper = { ...answer, challenge: { ...answer.challenge, parameters: { ...answer.challenge.parameters, keyPrefix: '0' } } };
    expect(await verify(county, cheaper)).toBe('400 HUMAN_CHECK_FAILED is not solved');
    expect(await verify(other, answer)).toBe('400 HUMAN_CHECK_FAILED is not a challenge handed out here');
    // Still unused after the failures: the right answer passes.
    expect(await verify(county, answer)).toBe('passed');
  });

  it('a challenge answered after ten minutes is refused', async () => {
    const answer = await solvedHumanCheck(platform.client(), county.slug);
    expect(await verify(county, answer, new Date(Date.now() + 11 * 60 * 1000))).toBe('400 HUMAN_CHECK_FAILED has expired');
  });
});
