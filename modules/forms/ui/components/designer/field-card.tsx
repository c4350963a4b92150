import type { ReactNode } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import type { DesignerField } from '../../designer/designer-model';
import { useT } from '../../i18n/forms-i18n';
import { FIELD_KIND_ICONS } from './field-kind-icons';

interface FieldCardProps {
  field: DesignerField;
  selected: boolean;
  onSelect: () => void;
  onRemove: () => void;
  /** The inspector, shown inside the selected card. */
  children?: ReactNode;
  /** Why the server refused this field (already worded for the reader). */
  problems?: string[];
}

/** One field on the canvas: drag it by the handle to reorder, click to edit. */
export function FieldCard({ field, selected, onSelect, onRemove, children, problems = [] }: FieldCardProps) {
  const t = useT();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: field.key });
  const condition = field.showWhen ?? field.requireWhen;
  return (
    <Card
      ref={setNodeRef}
      size="small"
      data-testid={`field-${field.key}`}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
        borderColor: problems.length > 0 ? '#ff4d4f' : selected ? '#1677ff' : undefined,
        marginBottom: 8,
      }}
    >
      <Flex align="center" gap={8} onClick={onSelect} style={{ cursor: 'pointer' }}>
        <Button
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          type="text"
          size="small"
          icon={<HolderOutlined />}
          aria-label={t('designer.dragHandle')}
          data-testid={`drag-${field.key}`}
          style={{ cursor: 'grab', touchAction: 'none' }}
        />
        {FIELD_KIND_ICONS[field.kind]}
        <Typography.Text strong ellipsis style={{ flex: 1 }}>
          {field.label || t('designer.untitled')}
          {field.required && <Typography.Text type="danger"> *</Typography.Text>}
        </Typography.Text>
        {condition && <Tag color="purple">{field.showWhen ? t('designer.conditionalShow') : t('designer.conditionalRequire')}</Tag>}
        <Tag>{t(`kinds.${field.kind}`)}</Tag>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('designer.removeField')}
          onClick={(event) => {
            event.stopPropagation();
            onRemove();
          }}
        />
      </Flex>
      {problems.map((problem) => (
        <Typography.Text key={problem} type="danger" style={{ display: 'block', marginTop: 4 }} data-testid={`field-problem-${field.key}`}>
          {problem}
        </Typography.Text>
      ))}
      {selected && children && <div style={{ marginTop: 12 }}>{children}</div>}
    </Card>
  );
}
