import { useState } from 'react';
import { SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useToggleModule, type TenantModule } from '../../api/module.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useLocalized } from '../../i18n/localized';
import { CORE_ERRORS } from '../../../../core/schemas/error-codes';

interface ModuleCardProps {
  module: TenantModule;
  /** Every installed module, to name dependencies in the UI language. */
  all: TenantModule[];
  onConfigure: () => void;
}

/** One module: what it is, what it needs, the enabled switch and the way to its configuration. */
export function ModuleCard({ module, all, onConfigure }: ModuleCardProps) {
  const { t } = useTranslation('modules');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const text = useLocalized();
  const toggle = useToggleModule(slug);
  const [problem, setProblem] = useState<string | null>(null);
  const nameOf = (id: string) => text(all.find((m) => m.id === id)?.manifest.name) || id;
  const hasConfig = Object.keys((module.manifest.configSchema.properties ?? {}) as Record<string, unknown>).length > 0;

  const onToggle = (enabled: boolean) => {
    setProblem(null);
    toggle.mutate(
      { moduleId: module.id, enabled },
      {
        onSuccess: () => message.success(t(enabled ? 'enabled' : 'disabled', { name: text(module.manifest.name) })),
        onError: (error) => {
          if (!isApiError(error)) return setProblem(t('toggleFailed', { code: 'CLIENT_ERROR' }));
          // The 409's details name the other modules: worded here in the UI language with their names.
          const others = error.details.map((detail) => nameOf(detail.message)).join('、');
          if (error.code === CORE_ERRORS.MODULE_DEPENDENCY_DISABLED) setProblem(t('dependencyDisabled', { modules: others }));
          else if (error.code === CORE_ERRORS.MODULE_REQUIRED_BY_OTHERS) setProblem(t('requiredByOthers', { modules: others }));
          else setProblem(error.status === 409 ? error.message : t('toggleFailed', { code: error.code }));
        },
      },
    );
  };

  return (
    <Card
      data-testid={`module-${module.id}`}
      title={
        <Space>
          {text(module.manifest.name)}
          <Tag>v{module.manifest.version}</Tag>
        </Space>
      }
      extra={
        <Switch
          checked={module.enabled}
          loading={toggle.isPending}
          onChange={onToggle}
          aria-label={t('enabledSwitch', { name: text(module.manifest.name) })}
          data-testid={`module-switch-${module.id}`}
        />
      }
      actions={[
        <Button
          key="configure"
          type="link"
          icon={<SettingOutlined />}
          disabled={!hasConfig}
          onClick={onConfigure}
          data-testid={`module-configure-${module.id}`}
        >
          {hasConfig ? t('configure') : t('noConfig')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>
        {text(module.manifest.description)}
      </Typography.Paragraph>
      <Space size={4} wrap>
        <Typography.Text type="secondary">{t('dependsOn')}</Typography.Text>
        {module.manifest.dependsOn.length === 0 ? (
          <Typography.Text type="secondary">{t('noDependencies')}</Typography.Text>
        ) : (
          module.manifest.dependsOn.map((id) => (
            <Tag key={id} color={all.find((m) => m.id === id)?.enabled ? 'green' : 'default'}>
              {nameOf(id)}
            </Tag>
          ))
        )}
      </Space>
      {problem && (
        <Alert
          type="warning"
          showIcon
          title={problem}
          closable
          onClose={() => setProblem(null)}
          style={{ marginTop: 12 }}
          data-testid={`module-problem-${module.id}`}
        />
      )}
    </Card>
  );
}
