import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { HumanCheckAnswer } from '../../core/human-check/human-check.ts';
import type { TestClient } from './test-client.ts';

/** Asks a county for a human check and solves it, as a citizen's browser does. */
export async function solvedHumanCheck(client: TestClient, slug: string): Promise<HumanCheckAnswer> {
  const response = await client.post(`/api/t/${slug}/human-checks`);
  if (response.statusCode !== 201) throw new Error(`human check: ${response.statusCode} ${response.body}`);
  const challenge = response.json() as { parameters: HumanCheckAnswer['challenge']['parameters']; signature: string };
  const solution = await solveChallenge({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, deriveKey });
  if (!solution) throw new Error('human check: no solution found');
  return {
    challenge: { parameters: challenge.parameters, signature: challenge.signature },
    solution: { counter: solution.counter, derivedKey: solution.derivedKey },
  };
}
