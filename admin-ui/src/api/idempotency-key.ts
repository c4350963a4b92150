/**
 * A fresh Idempotency-Key: crypto.randomUUID where the page is a secure context, else 122 random
 * bits in the same shape (a county LAN address over plain http is not a secure context).
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Attempts still open: sent, but no success seen yet. Bounded so a page left open for days on a
// bad network cannot grow it without end; the oldest is forgotten first.
const openAttempts = new Map<string, string>();
const MAX_OPEN_ATTEMPTS = 100;

/**
 * The key of an attempt, by what identifies the request (scope, method, address, body). Sending
 * the same request again while its attempt is open — after a lost answer, a timeout, a refusal,
 * a double tap — sends the same key, so the server replays the first answer instead of creating
 * twice. A changed request (other answers, another target) is another attempt with its own key.
 */
export function attemptKey(request: string): string {
  const open = openAttempts.get(request);
  if (open) return open;
  const key = newIdempotencyKey();
  openAttempts.set(request, key);
  if (openAttempts.size > MAX_OPEN_ATTEMPTS) openAttempts.delete(openAttempts.keys().next().value as string);
  return key;
}

/**
 * The server answered the attempt with success: the same request sent later is a new create.
 * Failures keep the attempt open: the server stores a key only with a committed create, so
 * repeating it is harmless, and a gateway's error may hide a create that did commit.
 */
export function closeAttempt(request: string, key: string): void {
  if (openAttempts.get(request) === key) openAttempts.delete(request);
}
