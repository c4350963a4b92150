import { useState } from 'react';
import { Alert, App, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useConfigureModule, type TenantModule } from '../../api/module.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { hasErrors, issuesToErrorTree, LazySchemaForm, type SchemaErrorTree } from '../../components/rjsf/lazy-schema-form';
import { useLocalized } from '../../i18n/localized';
import { useIsPhone } from '../../layout/use-is-phone';

/** The module's settings, as a form generated from its `configSchema` + `configUiSchema`. */
export function ModuleConfigDrawer({ module, onClose }: { module: TenantModule | null; onClose: () => void }) {
  const { t } = useTranslation('modules');
  const { t: tErrors } = useTranslation('errors');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const text = useLocalized();
  const isPhone = useIsPhone();
  const configure = useConfigureModule(slug);
  const [serverErrors, setServerErrors] = useState<SchemaErrorTree>({});
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setServerErrors({});
    setFailure(null);
    onClose();
  };

  const save = (config: Record<string, unknown>) => {
    if (!module) return;
    setFailure(null);
    configure.mutate(
      { moduleId: module.id, config },
      {
        onSuccess: () => {
          message.success(t('config.saved', { name: text(module.manifest.name) }));
          close();
        },
        onError: (error) => {
          const tree = isApiError(error) ? issuesToErrorTree(tErrors, error.details, 'body.config') : {};
          setServerErrors(tree);
          if (!hasErrors(tree)) setFailure(t('config.failed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
        },
      },
    );
  };

  return (
    <Drawer
      open={module !== null}
      onClose={close}
      title={module ? t('config.title', { name: text(module.manifest.name) }) : ''}
      size={isPhone ? '100%' : 560}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {module && !module.enabled && <Alert type="info" showIcon title={t('config.notEnabled')} style={{ marginBottom: 16 }} />}
      {module && (
        <LazySchemaForm
          testId="module-config-form"
          schema={module.manifest.configSchema}
          uiSchema={module.manifest.configUiSchema}
          formData={module.config}
          extraErrors={serverErrors}
          // A field the server refused keeps its message until the next save attempt says otherwise.
          onSubmit={save}
          submitText={t('config.save')}
          submitting={configure.isPending}
        />
      )}
    </Drawer>
  );
}
