import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: an initial password is read off paper or a phone screen and typed by hand.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const LENGTH = 10;

/** A random 10-character password with lower and upper case letters and digits, easy to copy by hand. */
export function initialPassword(): string {
  const all = LOWER + UPPER + DIGITS;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS)];
  while (chars.length < LENGTH) chars.push(pick(all));
  // Fisher–Yates, so the guaranteed classes do not always lead.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)];
}
