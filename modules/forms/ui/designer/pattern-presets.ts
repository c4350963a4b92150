/**
 * Patterns a county asks for again and again, offered by the designer. Plain RE2-compatible
 * regular expressions (no lookaround, no back-references); a check character no expression can
 * verify is a `format` (core/schemas/county-formats.ts), checked by the server and the browser alike.
 */
export interface PatternPreset {
  id: 'idCard' | 'mobile' | 'landline' | 'postcode' | 'uscc';
  pattern: string;
  format?: 'cn-id-card' | 'cn-uscc';
  maxLength: number;
}

export const PATTERN_PRESETS: readonly PatternPreset[] = [
  { id: 'idCard', pattern: '^\\d{17}[\\dX]$', format: 'cn-id-card', maxLength: 18 },
  { id: 'mobile', pattern: '^1[3-9]\\d{9}$', maxLength: 11 },
  { id: 'landline', pattern: '^0\\d{2,3}-?\\d{7,8}$', maxLength: 13 },
  { id: 'postcode', pattern: '^\\d{6}$', maxLength: 6 },
  { id: 'uscc', pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', format: 'cn-uscc', maxLength: 18 },
];

/** The preset a field's pattern and format are, if any. */
export function presetOf(field: { pattern?: string; format?: string }): PatternPreset | undefined {
  return PATTERN_PRESETS.find((p) => p.pattern === field.pattern && p.format === field.format);
}
