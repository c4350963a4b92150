import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { FormatDefinition } from 'ajv';

/**
 * String formats of Chinese identifiers whose last character is a check character, which no
 * regular expression can verify. Registered on every ajv (core/schemas/ajv.ts) and bundled into
 * the browser's validator runtime, so a form's answer passes or fails the same check on both.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 居民身份证号码 (GB 11643-1999): 17 digits with a real birth date, then the ISO 7064 MOD 11-2 check (0–9 or X). */
export function isChineseIdCard(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === value[17];
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 (GB 32100-2015): 18 characters of 0–9 and 31 letters-less-I/O/Z/S/V, the last a MOD 31 check. */
export function isUnifiedSocialCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(value[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31] === value[17];
}

export const countyFormats: Record<string, FormatDefinition<string>> = {
  'cn-id-card': { type: 'string', validate: isChineseIdCard },
  'cn-uscc': { type: 'string', validate: isUnifiedSocialCreditCode },
};

/** What generated validator code `require`s for formats: ajv-formats' and the county ones. */
export const COUNTY_FORMATS_SPECIFIER = 'county-platform/formats';
export const allFormats = { ...fullFormats, ...countyFormats };
