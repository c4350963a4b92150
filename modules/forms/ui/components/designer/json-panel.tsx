import { useState } from 'react';
import { Alert, Button, Flex, Input, Typography } from 'antd';
import type { JsonObject } from '../../../schemas/common.schema';
import { parseImport } from '../../designer/parse-import';
import { useT } from '../../i18n/forms-i18n';

interface JsonPanelProps {
  schema: JsonObject;
  uiSchema: JsonObject;
  onApply: (schema: JsonObject, uiSchema: JsonObject) => void;
}

/** The draft as JSON: read what the designer wrote, or edit a schema written elsewhere. */
export function JsonPanel({ schema, uiSchema, onApply }: JsonPanelProps) {
  const t = useT();
  const [schemaText, setSchemaText] = useState(() => JSON.stringify(schema, null, 2));
  const [uiText, setUiText] = useState(() => JSON.stringify(uiSchema, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const apply = () => {
    const parsed = parseImport(schemaText, uiText);
    if (!parsed.ok) return setProblem(t(`import.${parsed.problem}`));
    setProblem(null);
    onApply(parsed.schema, parsed.uiSchema);
  };
  return (
    <Flex vertical gap={8} data-testid="json-panel">
      <Typography.Text strong>JSON Schema (draft-07)</Typography.Text>
      <Input.TextArea
        aria-label="JSON Schema"
        value={schemaText}
        onChange={(e) => setSchemaText(e.target.value)}
        autoSize={{ minRows: 10, maxRows: 28 }}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
      />
      <Typography.Text strong>uiSchema</Typography.Text>
      <Input.TextArea
        aria-label="uiSchema"
        value={uiText}
        onChange={(e) => setUiText(e.target.value)}
        autoSize={{ minRows: 4, maxRows: 16 }}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
      />
      {problem && <Alert type="error" showIcon title={problem} />}
      <Button onClick={apply} data-testid="json-apply">
        {t('designer.applyJson')}
      </Button>
    </Flex>
  );
}
