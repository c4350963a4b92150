import { DndContext, PointerSensor, KeyboardSensor, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Card, Col, Empty, Row } from 'antd';
import type { ReactNode } from 'react';
import type { DesignerModel, FieldKind } from '../../designer/designer-model';
import { allKeys, createField, insertField, moveItem, removeField, updateField } from '../../designer/model-ops';
import { useT } from '../../i18n/forms-i18n';
import { FieldCard } from './field-card';
import { FieldInspector } from './field-inspector';
import { PALETTE_PREFIX, Palette } from './palette';
import { useNewFieldTexts } from './use-new-field-texts';
import { DesignerCapabilitiesContext, FORM_CAPABILITIES, type DesignerCapabilities } from '../../designer/designer-capabilities';

const CANVAS_ID = 'canvas';

function CanvasDrop({ children }: { children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: CANVAS_ID });
  return (
    <div
      ref={setNodeRef}
      data-testid="designer-canvas"
      style={{ minHeight: 240, padding: 8, borderRadius: 8, border: `1px dashed ${isOver ? '#1677ff' : '#d9d9d9'}` }}
    >
      {children}
    </div>
  );
}

interface DesignerBoardProps {
  model: DesignerModel;
  onChange: (model: DesignerModel) => void;
  selectedKey: string | null;
  onSelect: (key: string | null) => void;
  /** The live preview, beside the canvas. */
  preview: ReactNode;
  /** What may be added (the palette, group columns, conditions); a form's full set by default. */
  capabilities?: DesignerCapabilities;
  /** The server's problems per field key, shown on the field's card. */
  problems?: Record<string, string[]>;
}

/**
 * Palette, canvas (drop and reorder with @dnd-kit), inspector and preview: the form designer's
 * board, also mounted on its own (without versions or publishing) to edit a record type's custom fields.
 */
export function DesignerBoard({
  model,
  onChange,
  selectedKey,
  onSelect,
  preview,
  capabilities = FORM_CAPABILITIES,
  problems = {},
}: DesignerBoardProps) {
  const t = useT();
  const newFieldTexts = useNewFieldTexts();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const keys = model.fields.map((f) => f.key);

  const add = (kind: FieldKind, index = model.fields.length) => {
    const field = createField(kind, allKeys(model.fields), newFieldTexts);
    onChange({ ...model, fields: insertField(model.fields, field, index) });
    onSelect(field.key);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const activeId = String(active.id);
    const overIndex = over.id === CANVAS_ID ? model.fields.length : keys.indexOf(String(over.id));
    if (activeId.startsWith(PALETTE_PREFIX)) {
      const kind = activeId.slice(PALETTE_PREFIX.length) as FieldKind;
      if (capabilities.kinds.includes(kind)) add(kind, overIndex < 0 ? model.fields.length : overIndex);
      return;
    }
    const from = keys.indexOf(activeId);
    if (from >= 0 && overIndex >= 0)
      onChange({ ...model, fields: moveItem(model.fields, from, Math.min(overIndex, model.fields.length - 1)) });
  };

  return (
    <DesignerCapabilitiesContext.Provider value={capabilities}>
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={6} xl={4}>
            <Palette onAdd={(kind) => add(kind)} />
          </Col>
          <Col xs={24} md={18} xl={10}>
            <Card size="small" title={t('designer.canvas')}>
              <CanvasDrop>
                {model.fields.length === 0 && <Empty description={t('designer.dropHere')} />}
                <SortableContext items={keys} strategy={verticalListSortingStrategy}>
                  {model.fields.map((field) => (
                    <FieldCard
                      key={field.key}
                      field={field}
                      problems={problems[field.key]}
                      selected={field.key === selectedKey}
                      onSelect={() => onSelect(field.key === selectedKey ? null : field.key)}
                      onRemove={() => onChange(removeField(model, field.key))}
                    >
                      <FieldInspector
                        field={field}
                        model={model}
                        onChange={(next) => {
                          onChange(updateField(model, field.key, next));
                          if (next.key !== field.key) onSelect(next.key);
                        }}
                      />
                    </FieldCard>
                  ))}
                </SortableContext>
              </CanvasDrop>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('designer.preview')} data-testid="designer-preview">
              {preview}
            </Card>
          </Col>
        </Row>
      </DndContext>
    </DesignerCapabilitiesContext.Provider>
  );
}
