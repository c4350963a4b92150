import type { FieldIssue } from '../../../../admin-ui/src/module-kit';
import type { FormsT } from '../i18n/forms-i18n';

type Node = Record<string, unknown>;
const isObject = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `body.data.members[0].name` → `['members', 0, 'name']`. */
export function dataPath(issuePath: string): (string | number)[] | null {
  if (issuePath !== 'body.data' && !issuePath.startsWith('body.data.') && !issuePath.startsWith('body.data[')) return null;
  return issuePath
    .slice('body.data'.length)
    .split(/\.|\[(\d+)\]/)
    .filter((part): part is string => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The schema of the answer at `path`, looking through properties, items and the `then` of conditions. */
export function schemaAt(schema: Node, path: (string | number)[]): Node | null {
  let node: Node | null = schema;
  for (const segment of path) {
    if (!node) return null;
    if (typeof segment === 'number') {
      node = isObject(node.items) ? node.items : null;
      continue;
    }
    const candidates = [node, ...(Array.isArray(node.allOf) ? node.allOf : []).map((b) => (isObject(b) ? b.then : null))];
    node = candidates.map((c) => (isObject(c) && isObject(c.properties) ? c.properties[segment] : undefined)).find(isObject) ?? null;
  }
  return node;
}

/** The server's (ajv's English) message in the UI language; a pattern's own message when the form has one. */
export function localizeMessage(t: FormsT, message: string, fieldSchema: Node | null): string {
  const patternMessage = fieldSchema?.['x-pattern-message'];
  const own = typeof patternMessage === 'string' && patternMessage ? patternMessage : null;
  if (/^must match pattern/.test(message)) return own ?? t('errors.pattern');
  // The check-character formats of the presets (身份证号, 统一社会信用代码) speak with the field's own message too.
  const county = message.match(/^must match format "(cn-id-card|cn-uscc)"$/);
  if (county) return own ?? t(county[1] === 'cn-id-card' ? 'errors.idCard' : 'errors.uscc');
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^is required$/, () => t('errors.required')],
    [/^must be >= (.+)$/, (m) => t('errors.min', { n: m[1] })],
    [/^must be <= (.+)$/, (m) => t('errors.max', { n: m[1] })],
    [/^must be > (.+)$/, (m) => t('errors.above', { n: m[1] })],
    [/^must be < (.+)$/, (m) => t('errors.below', { n: m[1] })],
    [/^must NOT have more than (\d+) characters$/, (m) => t('errors.maxLength', { n: m[1] })],
    [/^must NOT have fewer than (\d+) characters$/, (m) => t('errors.minLength', { n: m[1] })],
    [/^must NOT have more than (\d+) items$/, (m) => t('errors.maxItems', { n: m[1] })],
    [/^must NOT have fewer than (\d+) items$/, (m) => t('errors.minItems', { n: m[1] })],
    [/^must match format "(.+)"$/, (m) => t('errors.format', { format: m[1] })],
    [/^must be equal to one of the allowed values$|^must be equal to constant$/, () => t('errors.notAnOption')],
    [/^must be (string|number|integer|boolean|object|array|null)/, () => t('errors.type')],
    [/^is not an allowed field$/, () => t('errors.unknownField')],
    [/^is not an uploaded file$/, () => t('errors.noSuchFile')],
  ];
  for (const [pattern, text] of rules) {
    const match = message.match(pattern);
    if (match) return text(match);
  }
  return message;
}

/**
 * What the form shows for a problem the browser found before sending: the same words as for the
 * server's report of it (localizeMessage), so a message does not change between the two. A
 * condition's own summary ("must match \"then\" schema") shows nothing: the field it requires is
 * reported by itself, as in submissionErrors.
 */
export function browserProblemText(t: FormsT, schema: Node) {
  return (problem: { path: (string | number)[]; keyword: string; message: string }): string | null => {
    if (problem.keyword === 'if') return null;
    return localizeMessage(t, problem.message, problem.path.length > 0 ? schemaAt(schema, problem.path) : null);
  };
}

export interface ErrorTree {
  __errors?: string[];
  [key: string]: ErrorTree | string[] | undefined;
}

/**
 * A refused submission's details as RJSF `extraErrors` (each under its own field) plus what
 * belongs to no field (the answers as a whole). Conditions' own summary errors ("must match
 * \"then\" schema") are dropped: the field they require is reported by itself.
 */
export function submissionErrors(t: FormsT, issues: FieldIssue[], schema: Node): { tree: ErrorTree; general: string[] } {
  const tree: ErrorTree = {};
  const general: string[] = [];
  for (const issue of issues) {
    const path = dataPath(issue.path);
    if (path === null) {
      general.push(issue.message);
      continue;
    }
    if (/^must match "(then|else)" schema$/.test(issue.message)) continue;
    if (path.length === 0) {
      general.push(/property name/.test(issue.message) ? t('errors.unknownField') : localizeMessage(t, issue.message, null));
      continue;
    }
    let node = tree;
    for (const segment of path) {
      const key = String(segment);
      const child = node[key];
      const next: ErrorTree = isObject(child) ? (child as ErrorTree) : {};
      node[key] = next;
      node = next;
    }
    const text = localizeMessage(t, issue.message, schemaAt(schema, path));
    if (!node.__errors?.includes(text)) node.__errors = [...(node.__errors ?? []), text];
  }
  return { tree, general };
}
