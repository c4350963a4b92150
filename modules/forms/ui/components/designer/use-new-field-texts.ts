import { useMemo } from 'react';
import type { NewFieldTexts } from '../../designer/model-ops';
import type { SchemaTexts } from '../../designer/model-to-schema';
import { useT } from '../../i18n/forms-i18n';

/** The words new fields start with, in the UI language. */
export function useNewFieldTexts(): NewFieldTexts {
  const t = useT();
  return useMemo(
    () => ({
      label: (kind) => t(`kinds.${kind}`),
      option: (n) => t('designer.optionN', { n }),
      column: (n) => t('designer.columnN', { n }),
    }),
    [t],
  );
}

/** Titles of the location field's parts in the built schema. */
export function useSchemaTexts(): SchemaTexts {
  const t = useT();
  return useMemo(() => ({ address: t('widgets.address'), latitude: t('widgets.latitude'), longitude: t('widgets.longitude') }), [t]);
}
