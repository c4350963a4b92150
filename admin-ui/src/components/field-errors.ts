import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../api/api-error';

export type FieldPath = (string | number)[];

/** `body.grants[0].permission` → `['grants', 0, 'permission']` (an antd Form name path). */
export function fieldPathOf(issuePath: string): FieldPath {
  const withoutContext = issuePath.replace(/^(body|query|params)\.?/, '');
  return withoutContext
    .split(/\.|\[(\d+)\]/)
    .filter((part): part is string => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

// The server words its field messages in English (ajv's style); the common ones are translated.
const KNOWN_MESSAGES: [
  RegExp,
  'field.required' | 'field.wrong' | 'field.notAllowed' | 'field.tooShort' | 'field.tooLong' | 'field.invalid',
][] = [
  [/^is required$/, 'field.required'],
  [/^is wrong$/, 'field.wrong'],
  [/^is not an allowed field$/, 'field.notAllowed'],
  [/fewer than \d+ characters/, 'field.tooShort'],
  [/more than \d+ characters/, 'field.tooLong'],
  [/^must (match|be)/, 'field.invalid'],
];

export function fieldMessage(t: TFunction<'errors'>, message: string): string {
  const known = KNOWN_MESSAGES.find(([pattern]) => pattern.test(message));
  return known ? t(known[1]) : message;
}

/**
 * The server's field issues as antd `form.setFields` input, limited to fields the form has:
 * issues about other paths are left for the caller to show as a general message.
 */
export function formFieldErrors<Values>(
  t: TFunction<'errors'>,
  issues: FieldIssue[],
  fieldNames: (keyof Values & string)[],
): Parameters<FormInstance<Values>['setFields']>[0] {
  const fields = issues
    .map((issue) => ({ name: fieldPathOf(issue.path), errors: [fieldMessage(t, issue.message)] }))
    .filter((field) => field.name.length > 0 && fieldNames.some((name) => name === field.name[0]));
  // The first segment was checked against the form's own field names just above.
  return fields as Parameters<FormInstance<Values>['setFields']>[0];
}
