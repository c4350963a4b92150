import { describe, expect, it } from 'vitest';
import type { FormsT } from '../i18n/forms-i18n';
import { householdModel, texts } from '../designer/household-fixture';
import { modelToSchema } from '../designer/model-to-schema';
import { browserProblemText, dataPath, schemaAt, submissionErrors } from './submission-errors';

// Echoes the key and values, so the test sees which text was chosen.
const t: FormsT = (key, values) => (values ? `${key}:${JSON.stringify(values)}` : key);
const { schema } = modelToSchema(householdModel, texts);

describe('server errors of a submission, shown in place', () => {
  it('reads body.data paths', () => {
    expect(dataPath('body.data.members[0].name')).toEqual(['members', 0, 'name']);
    expect(dataPath('body.data')).toEqual([]);
    expect(dataPath('body.version')).toBeNull();
  });

  it('finds the field schema through items and condition branches', () => {
    expect(schemaAt(schema, ['members', 0, 'age'])).toMatchObject({ type: 'integer' });
    expect(schemaAt(schema, ['causeOther'])).toMatchObject({ type: 'string', title: '其他原因说明' });
    expect(schemaAt(schema, ['nothing'])).toBeNull();
  });

  it('builds the RJSF error tree with localized messages and the pattern’s own message', () => {
    const result = submissionErrors(
      t,
      [
        { path: 'body.data.income', message: 'must be >= 0' },
        { path: 'body.data.idCard', message: 'must match pattern "^\\d{17}[\\dXx]$"' },
        { path: 'body.data.causeOther', message: 'is required' },
        { path: 'body.data', message: 'must match "then" schema' },
        { path: 'body.data', message: 'property name must be valid' },
        { path: 'body.data.members[1].name', message: 'is required' },
        { path: 'body.data.photo', message: 'is not an uploaded file' },
        { path: 'body.version', message: 'must be integer' },
      ],
      schema,
    );
    expect(result.tree).toEqual({
      income: { __errors: ['errors.min:{"n":"0"}'] },
      idCard: { __errors: ['请填写 18 位身份证号'] },
      causeOther: { __errors: ['errors.required'] },
      members: { 1: { name: { __errors: ['errors.required'] } } },
      photo: { __errors: ['errors.noSuchFile'] },
    });
    expect(result.general).toEqual(['errors.unknownField', 'must be integer']);
  });

  it('words problems found in the browser as the server’s: the pattern’s own message, required, limits; condition summaries hidden', () => {
    const text = browserProblemText(t, schema);
    expect(text({ path: ['idCard'], keyword: 'pattern', message: 'must match pattern "^\\d{17}[\\dXx]$"' })).toBe('请填写 18 位身份证号');
    expect(text({ path: ['members', 1, 'name'], keyword: 'required', message: 'is required' })).toBe('errors.required');
    expect(text({ path: ['income'], keyword: 'minimum', message: 'must be >= 0' })).toBe('errors.min:{"n":"0"}');
    expect(text({ path: [], keyword: 'if', message: 'must match "then" schema' })).toBeNull();
  });
});
