/**
 * The platform's one import of rrule (RFC 5545 recurrence rules); core/time/recurrence.ts is the
 * only reader of it, and modules reach it through that file's functions in the module kit.
 *
 * Why the import names a file: rrule's package.json points `main` at a CommonJS (UMD) bundle and
 * `module` at an ES build, with no `exports` map. Node (the server under tsx) loads the CommonJS
 * bundle and sees a single default export; Vite (vitest, a web build) picks the ES build, which has
 * only named exports, so neither `import { RRule } from 'rrule'` nor a default import works in both.
 * Importing the CommonJS bundle by its path gives every loader the same module, whose default
 * export is the whole library; unlike `createRequire`, it needs nothing of Node, so a browser build
 * could load this file too. Its types: rrule-bundle.d.ts.
 */
import rruleBundle from 'rrule/dist/es5/rrule.js';

export const { RRule } = rruleBundle;
export type { Options as RRuleOptions } from 'rrule';
