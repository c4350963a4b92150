import { RE2JS } from 're2js';

/**
 * Tenant-authored `pattern`s run on RE2 (re2js, pure JS): matching takes time linear in the
 * answer's length whatever the pattern, so no pattern a county pastes can freeze the server or a
 * browser tab. JSON Schema patterns are written in JavaScript syntax; `toRe2Syntax` turns them
 * into RE2 syntax with JavaScript's meaning (`\uXXXX`, `\s` with Unicode spaces such as the
 * ideographic space U+3000, `.` excluding line terminators, `\p{Script=Han}`); `\d`, `\w` and
 * `\b` are ASCII in both. What RE2 cannot run at all (backreferences, lookaround) is named by
 * `unsupportedPatternFeature`.
 *
 * This file is shared: the server's tenant ajv uses `tenantRegExp` (core/schemas/ajv.ts), and the
 * browser hands the same function to the validator modules the server generates (the specifier
 * below, see admin-ui/src/components/rjsf/validator-runtime.ts). It imports only re2js.
 */

/** What ajv standalone code writes to obtain the constructor: the browser's `require` answers it. */
export const TENANT_REGEXP_SPECIFIER = 'core/schemas/tenant-regexp';

/** The RegExp-like object ajv's generated code calls: only `test` is used. */
export interface TenantPattern {
  test(text: string): boolean;
  toString(): string;
}

// JavaScript's \s: WhiteSpace and LineTerminator of ECMA-262 (RE2's \s is ASCII only).
const JS_SPACE = '\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
// JavaScript's `.` without the s flag: anything but a line terminator (RE2's excludes \n only).
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/**
 * Why RE2 cannot run a (valid JavaScript) pattern, or null: backreferences (`\1`, `\k<name>`)
 * and lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`) need backtracking.
 */
export function unsupportedPatternFeature(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<'))) return 'uses a backreference';
      i += 1;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(' && /^\(\?(=|!|<=|<!)/.test(pattern.slice(i, i + 4))) {
      return 'uses lookahead or lookbehind';
    }
  }
  return null;
}

/** A JavaScript (`u` flag) pattern in RE2 syntax with the same meaning. Assumes it compiles as JavaScript. */
export function toRe2Syntax(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch !== '\\') {
      if (inClass && ch === ']') inClass = false;
      else if (!inClass && ch === '[') inClass = true;
      out += !inClass && ch === '.' ? JS_DOT : ch;
      continue;
    }
    const next = pattern[i + 1] ?? '';
    const rest = pattern.slice(i);
    let match: RegExpMatchArray | null;
    if ((match = /^\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(rest))) {
      // A surrogate pair written as two escapes is one code point under the u flag.
      const codePoint = (parseInt(match[1], 16) - 0xd800) * 0x400 + (parseInt(match[2], 16) - 0xdc00) + 0x10000;
      out += `\\x{${codePoint.toString(16)}}`;
      i += match[0].length - 1;
    } else if ((match = /^\\u\{([0-9a-fA-F]+)\}/.exec(rest)) || (match = /^\\u([0-9a-fA-F]{4})/.exec(rest))) {
      out += `\\x{${match[1]}}`;
      i += match[0].length - 1;
    } else if ((match = /^\\c([a-zA-Z])/.exec(rest))) {
      out += `\\x{${(match[1].charCodeAt(0) % 32).toString(16)}}`;
      i += 2;
    } else if ((match = /^\\([pP])\{(?:Script|sc|Script_Extensions|scx)=([A-Za-z_]+)\}/.exec(rest))) {
      out += `\\${match[1]}{${match[2]}}`;
      i += match[0].length - 1;
    } else if (next === '0') {
      out += '\\x00';
      i += 1;
    } else if (next === 's') {
      out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      i += 1;
    } else if (next === 'S' && !inClass) {
      out += `[^${JS_SPACE}]`;
      i += 1;
    } else {
      out += ch + next;
      i += 1;
    }
  }
  return out;
}

/**
 * Compiles a tenant pattern for RE2; throws with RE2's reason when it cannot. Called by ajv as
 * `code.regExp` (pattern, flags): ajv passes "u", which is how the pattern is read anyway.
 */
export function tenantRegExp(pattern: string, _flags?: string): TenantPattern {
  const unsupported = unsupportedPatternFeature(pattern);
  if (unsupported) throw new SyntaxError(`pattern ${unsupported}, which linear-time matching (RE2) cannot run`);
  const compiled = RE2JS.compile(toRe2Syntax(pattern));
  return { test: (text: string) => compiled.test(text), toString: () => `re2:${pattern}` };
}
// How ajv standalone code obtains this function: `require("<specifier>").tenantRegExp`.
tenantRegExp.code = `require(${JSON.stringify(TENANT_REGEXP_SPECIFIER)}).tenantRegExp`;
