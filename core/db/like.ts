/** Escapes LIKE wildcards so user text matches literally (backslash is PostgreSQL's default escape). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** `%text%` for a substring search (trigram indexes serve it, also for Chinese). */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
