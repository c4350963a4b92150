import { randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read out on the phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

/**
 * A citizen's tracking code: 10 random characters, 50 bits — the only key to a public report, so
 * it must not be guessable or sequential. Unique per county (the table's key); a clash retries.
 */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
