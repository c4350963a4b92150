import { compileTenantSchema, type ErrorDetail, hiddenAnswerPaths } from '../../../core/module-kit.ts';

type Schema = Record<string, unknown>;

/**
 * A condition's `if` checked as the browser checks it: compiled on its own by the tenant ajv, with
 * the root's `definitions`/`$defs` alongside for its local `$ref`s (the served validator module
 * compiles each `if` the same way, validator-module.ts). A copy is checked: ajv writes defaults.
 */
function conditionCheck(root: Schema) {
  return (condition: Schema, value: unknown): boolean => {
    const standalone: Schema = { ...condition };
    if (root.definitions !== undefined && !('definitions' in condition)) standalone.definitions = root.definitions;
    if (root.$defs !== undefined && !('$defs' in condition)) standalone.$defs = root.$defs;
    return compileTenantSchema(standalone, 'version.schema')(structuredClone(value)) === true;
  };
}

const pathText = (path: (string | number)[]) =>
  path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('');

/**
 * Answers to fields hidden by a condition that is not met (the branch not taken of an
 * `if`/`then`/`else`, a schema dependency whose trigger is unanswered) are refused, naming each:
 * the web form never sends them (the shared rules in admin-ui/src/components/rjsf/hidden-answers.ts
 * drop them before sending), and storing them would count answers to questions nobody was asked.
 */
export function hiddenAnswers(schema: Schema, data: unknown): ErrorDetail[] {
  return hiddenAnswerPaths(schema, data, conditionCheck(schema)).map((path) => ({
    path: `body.data${pathText(path)}`,
    message: 'is not asked: the condition that shows this field is not met',
  }));
}
