import { Templates } from '@rjsf/antd';
import type { BaseInputTemplateProps } from '@rjsf/utils';

const AntdBaseInput = Templates.BaseInputTemplate!;

/**
 * antd's input for answers, without the bounds handed to antd's InputNumber: given `min`/`max`
 * it silently turns 25 into 20 on blur in a 1–20 field, so the filler never learns the answer
 * was wrong. The number stays as typed and the form's validator (the same rules as the server)
 * shows "must be ≤ 20" under the field.
 */
export function UnclampedInputTemplate(props: BaseInputTemplateProps) {
  const { schema } = props;
  if (schema.type !== 'number' && schema.type !== 'integer') return <AntdBaseInput {...props} />;
  const {
    minimum: _minimum,
    maximum: _maximum,
    exclusiveMinimum: _exclusiveMinimum,
    exclusiveMaximum: _exclusiveMaximum,
    ...unbounded
  } = schema;
  return <AntdBaseInput {...props} schema={unbounded} />;
}
