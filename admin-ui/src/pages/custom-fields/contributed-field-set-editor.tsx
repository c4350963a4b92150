import { Suspense, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldIssue } from '../../api/api-error';
import { useSaveCustomFieldSet, type CustomFieldSet } from '../../api/custom-field.api';
import { useHasPermission } from '../../auth/permissions';
import { useTenantSession } from '../../auth/tenant-session-context';
import { PageLoading } from '../../components/page-loading';
import { lazyModuleComponent } from '../../modules/lazy-module-component';
import { moduleUis } from '../../modules/registry';
import type { CustomFieldFragment, ModuleUiFieldSetEditor } from '../../modules/ui-contract';
import { enabledModules, useTenantModules } from '../../modules/use-tenant-modules';
import { CORE_ERRORS } from '../../../../core/schemas/error-codes';

/** The first enabled module's custom-field editor (registry order), or none: then the page's own list editor serves. */
export function useContributedFieldSetEditor(): ModuleUiFieldSetEditor | undefined {
  const modules = useTenantModules();
  return enabledModules(modules.data)
    .map((module) => (Object.hasOwn(moduleUis, module.id) ? moduleUis[module.id].fieldSetEditor : undefined))
    .find((editor) => editor !== undefined);
}

/**
 * A module's editor of one record type's custom fields: the shell loads it (its own chunk),
 * saves what it hands over with the version it read, and hands the server's problems back.
 */
export function ContributedFieldSetEditor({ editor, fieldSet }: { editor: ModuleUiFieldSetEditor; fieldSet: CustomFieldSet }) {
  const { t } = useTranslation('customFields');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const hasPermission = useHasPermission();
  const save = useSaveCustomFieldSet(slug, fieldSet.moduleId, fieldSet.recordType);
  const [problems, setProblems] = useState<FieldIssue[]>([]);
  const Editor = lazyModuleComponent(editor.load);

  const onSave = async (fragment: CustomFieldFragment) => {
    setProblems([]);
    try {
      await save.mutateAsync({ ...fragment, version: fieldSet.version });
      message.success(t('saved'));
    } catch (error) {
      if (isApiError(error) && error.code === CORE_ERRORS.CUSTOM_FIELDS_VERSION_CONFLICT) message.error(t('versionConflict'));
      else if (isApiError(error) && error.details.length > 0) setProblems(error.details);
      else message.error(t('saveFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
      throw error;
    }
  };

  return (
    <Suspense fallback={<PageLoading />}>
      {/* A saved version remounts the editor on the stored fields (the version the next save builds on). */}
      <Editor
        key={fieldSet.version}
        moduleId={fieldSet.moduleId}
        recordType={fieldSet.recordType}
        value={{ schema: fieldSet.schema, uiSchema: fieldSet.uiSchema }}
        onSave={onSave}
        saving={save.isPending}
        problems={problems}
        readOnly={!hasPermission('core.custom_fields.manage')}
      />
    </Suspense>
  );
}
