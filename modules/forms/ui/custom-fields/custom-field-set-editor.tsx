import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldMessage, type FieldSetEditorProps } from '../../../../admin-ui/src/module-kit';
import { DesignerBoard } from '../components/designer/designer-board';
import { JsonPanel } from '../components/designer/json-panel';
import { useSchemaTexts } from '../components/designer/use-new-field-texts';
import { FormView } from '../components/form-view';
import { useT } from '../i18n/forms-i18n';
import { CUSTOM_FIELD_CAPABILITIES } from './custom-field-capabilities';
import { fieldOfProblem, fragmentProblems, fragmentToDraft, modelToFragment, type FragmentDraft } from './fragment-model';

/**
 * The forms designer's board editing a record type's custom fields (the module UI contract's
 * `fieldSetEditor`): palette, canvas, inspector and live preview, without a form's versions or
 * publishing, offering only what core's custom fields store. Fields the designer cannot edit
 * without losing something open as JSON.
 */
export default function CustomFieldSetEditor({ value, onSave, saving, problems, readOnly }: FieldSetEditorProps) {
  const t = useT();
  const { t: tErrors } = useTranslation('errors');
  const texts = useSchemaTexts();
  const [draft, setDraft] = useState<FragmentDraft>(() => fragmentToDraft(value, texts));
  const [view, setView] = useState<'design' | 'json'>(draft.kind === 'model' ? 'design' : 'json');
  const [selected, setSelected] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const built = useMemo(
    () => (draft.kind === 'model' ? modelToFragment(draft.model, texts, value) : draft.fragment),
    [draft, texts, value],
  );
  const modelIssues = draft.kind === 'model' ? fragmentProblems(draft.model) : [];

  const change = (next: FragmentDraft) => {
    setDraft(next);
    setDirty(true);
  };
  const worded = (message: string) => fieldMessage(tErrors, message);
  const byField: Record<string, string[]> = {};
  const general: string[] = [];
  for (const problem of problems) {
    const field = fieldOfProblem(problem.path);
    const text = `${problem.path.replace(/^body\./, '')}: ${worded(problem.message)}`;
    if (field && draft.kind === 'model' && draft.model.fields.some((f) => f.key === field)) (byField[field] ??= []).push(text);
    else general.push(text);
  }
  const preview = <FormView schema={built.schema} uiSchema={built.uiSchema} testId="custom-fields-designer-preview" />;

  return (
    <Flex vertical gap={12} data-testid="custom-fields-designer">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Segmented
          value={view}
          onChange={(v) => setView(v === 'json' ? 'json' : 'design')}
          options={[
            { value: 'design', label: t('designer.designView'), disabled: draft.kind !== 'model' },
            { value: 'json', label: 'JSON' },
          ]}
        />
        {!readOnly && (
          <Flex align="center" gap={8}>
            {dirty && <Typography.Text type="warning">{t('designer.unsaved')}</Typography.Text>}
            <Button
              type="primary"
              loading={saving}
              disabled={!dirty || modelIssues.length > 0}
              onClick={() =>
                void onSave(built).then(
                  () => setDirty(false),
                  () => undefined,
                )
              }
              data-testid="save-custom-fields"
            >
              {t('customFields.save')}
            </Button>
          </Flex>
        )}
      </Flex>
      {readOnly && <Alert type="info" showIcon title={t('customFields.readOnly')} />}
      {modelIssues.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('designer.problems')}
          description={modelIssues.map((p) => t(`problems.${p.kind}`, { key: 'key' in p ? p.key : '' })).join('；')}
          data-testid="model-problems"
        />
      )}
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('customFields.rejected')}
          description={general.join('；')}
          data-testid="custom-fields-problems"
        />
      )}
      {draft.kind === 'json' && <Alert type="info" showIcon title={t('customFields.jsonOnly')} />}
      {view === 'design' && draft.kind === 'model' && !readOnly ? (
        <DesignerBoard
          model={draft.model}
          onChange={(model) => change({ kind: 'model', model })}
          selectedKey={selected}
          onSelect={setSelected}
          preview={preview}
          capabilities={CUSTOM_FIELD_CAPABILITIES}
          problems={byField}
        />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 16 }}>
          {!readOnly && (
            <JsonPanel
              key={JSON.stringify(built)}
              schema={built.schema}
              uiSchema={built.uiSchema}
              onApply={(schema, uiSchema) => change(fragmentToDraft({ schema, uiSchema }, texts))}
            />
          )}
          <div>
            <Typography.Title level={5}>{t('designer.preview')}</Typography.Title>
            {preview}
          </div>
        </div>
      )}
    </Flex>
  );
}
