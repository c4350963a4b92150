/** A few lines of plain text: no control characters but newlines, no markup brackets. */
export const plainText = (maxLength: number, minLength = 0) =>
  ({ type: 'string', minLength, maxLength, pattern: '^[^<>\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$' }) as const;
export const nullableString = { type: ['string', 'null'] } as const;
export const nullableTimestamp = { type: ['string', 'null'], format: 'date-time' } as const;
