import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Alert, Segmented, Typography } from 'antd';
import { ErrorResult, PageLoading, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { usePublishForm, useSaveForm, useForm } from '../api/forms.api';
import type { FormView as EditedForm } from '../../schemas/form.schema';
import { DesignerBoard } from '../components/designer/designer-board';
import { EditorToolbar } from '../components/designer/editor-toolbar';
import { ImportModal } from '../components/designer/import-modal';
import { JsonPanel } from '../components/designer/json-panel';
import { SchemaProblems } from '../components/designer/schema-problems';
import { useSchemaTexts } from '../components/designer/use-new-field-texts';
import { VersionsDrawer } from '../components/designer/versions-drawer';
import { FormView } from '../components/form-view';
import { modelProblems } from '../designer/model-ops';
import { draftOf, useFormDraft } from '../designer/use-form-draft';
import { useT } from '../i18n/forms-i18n';

function Editor({ form }: { form: EditedForm }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const texts = useSchemaTexts();
  const { draft, built, dirty, change, markSaved } = useFormDraft(draftOf(form.schema, form.uiSchema, form.name), texts);
  const [name, setName] = useState(form.name);
  const [view, setView] = useState<'design' | 'json'>(draft.kind === 'model' ? 'design' : 'json');
  const [selected, setSelected] = useState<string | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const save = useSaveForm(slug);
  const publish = usePublishForm(slug);
  const problems = draft.kind === 'model' ? modelProblems(draft.model) : [];

  const saveDraft = async () => {
    const schema = draft.kind === 'model' ? { ...built.schema, title: name } : built.schema;
    await save.mutateAsync({ formId: form.id, body: { name, schema, uiSchema: built.uiSchema } });
    markSaved();
  };
  const onSave = () =>
    saveDraft().then(
      () => message.success(t('designer.saved')),
      () => undefined,
    );
  const onPublish = async () => {
    try {
      await saveDraft();
      const version = await publish.mutateAsync(form.id);
      message.success(t('designer.published', { version: version.version }));
    } catch {
      // Shown below (the save's or the publish's error).
    }
  };

  return (
    <>
      <EditorToolbar
        name={name}
        onName={(next) => {
          setName(next);
          if (draft.kind === 'model') change({ ...draft, model: { ...draft.model, title: next } });
        }}
        latestVersion={form.latestVersion}
        dirty={dirty}
        saving={save.isPending}
        publishing={publish.isPending}
        canSave={problems.length === 0}
        onBack={() => navigate(`/t/${slug}/forms/designer`)}
        onSave={() => void onSave()}
        onPublish={() => void onPublish()}
        onVersions={() => setVersionsOpen(true)}
        onImport={() => setImportOpen(true)}
      />
      {problems.length > 0 && draft.kind === 'model' && draft.model.fields.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('designer.problems')}
          description={problems.map((p) => t(`problems.${p.kind}`, { key: 'key' in p ? p.key : '' })).join('；')}
          data-testid="model-problems"
        />
      )}
      <SchemaProblems error={save.error ?? publish.error} />
      <Segmented
        value={view}
        onChange={(v) => setView(v === 'json' ? 'json' : 'design')}
        options={[
          { value: 'design', label: t('designer.designView'), disabled: draft.kind !== 'model' },
          { value: 'json', label: 'JSON' },
        ]}
        style={{ marginBottom: 12 }}
      />
      {draft.kind === 'json' && <Alert type="info" showIcon title={t('designer.jsonOnly')} style={{ marginBottom: 12 }} />}
      {view === 'design' && draft.kind === 'model' ? (
        <DesignerBoard
          model={draft.model}
          onChange={(model) => change({ kind: 'model', model })}
          selectedKey={selected}
          onSelect={setSelected}
          preview={<FormView schema={built.schema} uiSchema={built.uiSchema} testId="preview-form" />}
        />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 16 }}>
          <JsonPanel
            key={JSON.stringify(built)}
            schema={built.schema}
            uiSchema={built.uiSchema}
            onApply={(schema, uiSchema) => change(draftOf(schema, uiSchema, name))}
          />
          <div data-testid="designer-preview">
            <Typography.Title level={5}>{t('designer.preview')}</Typography.Title>
            <FormView schema={built.schema} uiSchema={built.uiSchema} testId="preview-form" />
          </div>
        </div>
      )}
      <VersionsDrawer formId={form.id} open={versionsOpen} onClose={() => setVersionsOpen(false)} />
      <ImportModal
        open={importOpen}
        withName={false}
        onClose={() => setImportOpen(false)}
        onImport={async ({ schema, uiSchema }) => {
          await save.mutateAsync({ formId: form.id, body: { schema, uiSchema } });
          const next = draftOf(schema, uiSchema, name);
          change(next);
          markSaved();
          setView(next.kind === 'model' ? 'design' : 'json');
        }}
      />
    </>
  );
}

/** `/forms/designer/:formId`: the designer (palette, canvas, live preview), JSON view, versions. */
export default function DesignerEditorPage() {
  const { slug } = useTenantSession();
  const formId = useParams().formId;
  const form = useForm(slug, formId);
  if (form.error) return <ErrorResult error={form.error} onRetry={() => void form.refetch()} />;
  if (!form.data) return <PageLoading />;
  // Remounted per form (and after an outside change of the stored draft).
  return <Editor key={`${form.data.id}`} form={form.data} />;
}
