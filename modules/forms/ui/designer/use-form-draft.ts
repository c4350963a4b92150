import { useMemo, useState } from 'react';
import type { JsonObject } from '../../schemas/common.schema';
import type { DesignerModel } from './designer-model';
import { modelToSchema, type SchemaTexts } from './model-to-schema';
import { schemaToModel } from './schema-to-model';

export type Draft = { kind: 'model'; model: DesignerModel } | { kind: 'json'; schema: JsonObject; uiSchema: JsonObject };

/** A stored schema as the designer's model when it could have written it, else as JSON only. */
export function draftOf(schema: JsonObject, uiSchema: JsonObject, title: string): Draft {
  const properties = schema.properties;
  const empty =
    schema.type === 'object' &&
    (properties === undefined || (typeof properties === 'object' && properties !== null && Object.keys(properties).length === 0));
  if (empty) return { kind: 'model', model: { title, fields: [] } };
  const model = schemaToModel(schema, uiSchema);
  return model ? { kind: 'model', model } : { kind: 'json', schema, uiSchema };
}

/** The draft being edited and the schema it stands for (what the preview renders and the save sends). */
export function useFormDraft(initial: Draft, texts: SchemaTexts) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [dirty, setDirty] = useState(false);
  const built = useMemo(
    () => (draft.kind === 'model' ? modelToSchema(draft.model, texts) : { schema: draft.schema, uiSchema: draft.uiSchema }),
    [draft, texts],
  );
  const change = (next: Draft) => {
    setDraft(next);
    setDirty(true);
  };
  return { draft, built, dirty, change, markSaved: () => setDirty(false) };
}
