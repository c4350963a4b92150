import { Suspense } from 'react';
import { Card, Col, Empty, Row, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../auth/permissions';
import { useTenantSession } from '../auth/tenant-session-context';
import { useLocalized } from '../i18n/localized';
import { lazyModuleComponent } from '../modules/lazy-module-component';
import { moduleUis } from '../modules/registry';
import type { ModuleUiWidget } from '../modules/ui-contract';
import { enabledModules, useTenantModules } from '../modules/use-tenant-modules';

function WidgetCard({ widget }: { widget: ModuleUiWidget }) {
  const text = useLocalized();
  const { slug } = useTenantSession();
  const Widget = lazyModuleComponent(widget.load);
  return (
    <Card title={text(widget.title)} size="small">
      <Suspense fallback={<Spin />}>
        <Widget tenantSlug={slug} />
      </Suspense>
    </Card>
  );
}

/** `/t/:tenant`: a greeting and the widgets of the enabled modules the user may see. */
export function TenantHomePage() {
  const { t } = useTranslation('pages');
  const { user } = useTenantSession();
  const hasPermission = useHasPermission();
  const modules = useTenantModules();
  const widgets = enabledModules(modules.data)
    .flatMap((module) => moduleUis[module.id]?.widgets ?? [])
    .filter((widget) => hasPermission(widget.permission));

  return (
    <>
      <Typography.Title level={3}>{t('dashboard.welcome', { name: user.displayName })}</Typography.Title>
      {modules.isSuccess && widgets.length === 0 && <Empty description={t('dashboard.noWidgets')} style={{ marginTop: 48 }} />}
      <Row gutter={[16, 16]}>
        {widgets.map((widget) => (
          <Col key={widget.id} xs={24} lg={12}>
            <WidgetCard widget={widget} />
          </Col>
        ))}
      </Row>
    </>
  );
}
