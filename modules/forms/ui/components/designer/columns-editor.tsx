import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Flex, Form, Select } from 'antd';
import type { DesignerField, FieldKind } from '../../designer/designer-model';
import { useDesignerCapabilities } from '../../designer/designer-capabilities';
import { createField } from '../../designer/model-ops';
import { useT } from '../../i18n/forms-i18n';
import type { ReactNode } from 'react';
import { useNewFieldTexts } from './use-new-field-texts';

/**
 * The columns of a repeating group (a table of rows): each a field of its own, edited by
 * `inspect` (the field inspector, which renders this editor for a group: passed in, not imported).
 */
export function ColumnsEditor({
  columns,
  onChange,
  inspect,
}: {
  columns: DesignerField[];
  onChange: (columns: DesignerField[]) => void;
  inspect: (column: DesignerField, onChange: (next: DesignerField) => void) => ReactNode;
}) {
  const t = useT();
  const texts = useNewFieldTexts();
  const { columnKinds } = useDesignerCapabilities();
  const add = (kind: FieldKind) =>
    onChange([
      ...columns,
      createField(
        kind,
        columns.map((c) => c.key),
        texts,
      ),
    ]);
  return (
    <Form.Item label={t('inspector.columns')}>
      <Card size="small" data-testid="columns-editor">
        <Collapse
          size="small"
          items={columns.map((column, index) => ({
            key: column.key,
            label: `${column.label}（${t(`kinds.${column.kind}`)}）`,
            extra: (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('inspector.removeColumn')}
                disabled={columns.length <= 1}
                onClick={(e) => {
                  e.stopPropagation();
                  onChange(columns.filter((_, i) => i !== index));
                }}
              />
            ),
            children: inspect(column, (next) => onChange(columns.map((c, i) => (i === index ? next : c)))),
          }))}
        />
        <Flex gap={6} style={{ marginTop: 8 }}>
          <Select<FieldKind>
            aria-label={t('inspector.addColumn')}
            data-testid="add-column"
            placeholder={
              <>
                <PlusOutlined /> {t('inspector.addColumn')}
              </>
            }
            value={null}
            options={columnKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
            onChange={add}
            style={{ width: '100%' }}
          />
        </Flex>
      </Card>
    </Form.Item>
  );
}
