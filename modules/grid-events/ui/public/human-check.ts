import { useCallback, useState } from 'react';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import type { PublicReportInput } from '../../schemas/public.schema';
import { fetchHumanCheck } from '../api/public.api';

export type HumanCheckAnswer = PublicReportInput['humanCheck'];

export class HumanCheckUnavailable extends Error {}

/**
 * The human check of a public form: asks core for a challenge and solves it here, in about a
 * second of SHA-256 (WebCrypto, so the page must be https or local), reporting its progress.
 */
export function useHumanCheck(slug: string) {
  const [progress, setProgress] = useState<number | null>(null);

  const solve = useCallback(async (): Promise<HumanCheckAnswer> => {
    if (typeof crypto === 'undefined' || !crypto.subtle) throw new HumanCheckUnavailable('WebCrypto is not available on this page');
    setProgress(0);
    try {
      const challenge = await fetchHumanCheck(slug);
      let tries = 0;
      const solution = await solveChallenge({
        challenge: challenge as unknown as Challenge,
        deriveKey: async (parameters, salt, password) => {
          tries += 1;
          if (tries % 500 === 0) setProgress(Math.min(99, Math.round((tries / challenge.maxCounter) * 100)));
          return deriveKey(parameters, salt, password);
        },
        timeout: 60_000,
      });
      if (!solution) throw new HumanCheckUnavailable('The check took too long');
      setProgress(100);
      return {
        challenge: { parameters: challenge.parameters, signature: challenge.signature },
        solution: { counter: solution.counter, derivedKey: solution.derivedKey },
      };
    } finally {
      setProgress(null);
    }
  }, [slug]);

  return { solve, progress };
}
