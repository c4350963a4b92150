import { useDraggable } from '@dnd-kit/core';
import { Button, Card, Flex } from 'antd';
import type { FieldKind } from '../../designer/designer-model';
import { useDesignerCapabilities } from '../../designer/designer-capabilities';
import { useT } from '../../i18n/forms-i18n';
import { FIELD_KIND_ICONS } from './field-kind-icons';

export const PALETTE_PREFIX = 'palette:';

function PaletteItem({ kind, onAdd }: { kind: FieldKind; onAdd: (kind: FieldKind) => void }) {
  const t = useT();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `${PALETTE_PREFIX}${kind}` });
  return (
    <Button
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      icon={FIELD_KIND_ICONS[kind]}
      onClick={() => onAdd(kind)}
      data-testid={`palette-${kind}`}
      // A long label (明细表（可重复）) wraps inside the button instead of spilling out of it.
      style={{
        justifyContent: 'flex-start',
        opacity: isDragging ? 0.5 : 1,
        touchAction: 'none',
        height: 'auto',
        minHeight: 32,
        whiteSpace: 'normal',
        textAlign: 'start',
      }}
      block
    >
      {t(`kinds.${kind}`)}
    </Button>
  );
}

/** The field types: drag one onto the canvas (or click it to add it at the end). */
export function Palette({ onAdd }: { onAdd: (kind: FieldKind) => void }) {
  const t = useT();
  const { kinds } = useDesignerCapabilities();
  return (
    <Card size="small" title={t('designer.palette')} data-testid="designer-palette">
      <Flex vertical gap={6}>
        {kinds.map((kind) => (
          <PaletteItem key={kind} kind={kind} onAdd={onAdd} />
        ))}
      </Flex>
    </Card>
  );
}
