import { useState } from 'react';
import { Col, Empty, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TenantModule } from '../../api/module.api';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useTenantModules } from '../../modules/use-tenant-modules';
import { ModuleCard } from './module-card';
import { ModuleConfigDrawer } from './module-config-drawer';
import { ExportConfigButton } from './export-config-button';

/** The installed modules: enable or disable each for this county, and configure it. */
export function ModulesPage() {
  const { t } = useTranslation('modules');
  const { t: tShell } = useTranslation('shell');
  const modules = useTenantModules();
  const [configuring, setConfiguring] = useState<TenantModule | null>(null);

  let content;
  if (modules.error) content = <ErrorResult error={modules.error} onRetry={() => void modules.refetch()} />;
  else if (!modules.data) content = <PageLoading />;
  else if (modules.data.length === 0) content = <Empty description={t('empty')} style={{ marginTop: 48 }} data-testid="modules-empty" />;
  else {
    const all = modules.data;
    content = (
      <Row gutter={[16, 16]}>
        {all.map((module) => (
          <Col key={module.id} xs={24} md={12} xl={8}>
            <ModuleCard module={module} all={all} onConfigure={() => setConfiguring(module)} />
          </Col>
        ))}
      </Row>
    );
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{tShell('menu.modules')}</Typography.Title>
        <ExportConfigButton />
      </Flex>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {content}
      {/* Reads the fresh copy from the list, so a save shows the stored config when reopened. */}
      <ModuleConfigDrawer
        module={configuring ? (modules.data?.find((m) => m.id === configuring.id) ?? configuring) : null}
        onClose={() => setConfiguring(null)}
      />
    </>
  );
}
