import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useHasPermission } from '../../auth/permissions';
import { ImportModal } from './import-modal';
import { PeoplePanel } from './people-panel';
import { UnitTreePanel } from './unit-tree-panel';

/** Org directory (通讯录): the unit tree beside the people of the selected unit; stacked on a phone. */
export function OrgPage() {
  const { t } = useTranslation('org');
  const hasPermission = useHasPermission();
  // Reading needs core.org.read (checked by the route); every change needs core.org.manage.
  const canManage = hasPermission('core.org.manage');
  const { slug } = useTenantSession();
  const units = useUnits(slug);
  // The id is kept, not the unit: a rename or move shows at once in the people panel's title.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = units.data?.find((unit) => unit.id === selectedId) ?? null;
  const [importing, setImporting] = useState(false);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.org', { ns: 'shell' })}
        </Typography.Title>
        {canManage && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('import.open')}
          </Button>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9} lg={7}>
          <Card size="small" styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}>
            <UnitTreePanel selectedId={selected?.id ?? null} onSelect={(unit) => setSelectedId(unit?.id ?? null)} canManage={canManage} />
          </Card>
        </Col>
        <Col xs={24} md={15} lg={17}>
          <PeoplePanel unit={selected} canManage={canManage} />
        </Col>
      </Row>
      {canManage && <ImportModal open={importing} onClose={() => setImporting(false)} />}
    </>
  );
}
