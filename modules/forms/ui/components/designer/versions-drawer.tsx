import { useCountyTime, useTenantSession } from '../../../../../admin-ui/src/module-kit';
import { Drawer, Empty, List, Tag, Typography } from 'antd';
import { useVersions } from '../../api/forms.api';
import { useT } from '../../i18n/forms-i18n';

/** The published versions of a form, newest first, with how many submissions each holds. */
export function VersionsDrawer({ formId, open, onClose }: { formId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const countyTime = useCountyTime();
  const { slug } = useTenantSession();
  const versions = useVersions(slug, open ? formId : undefined);
  return (
    <Drawer open={open} onClose={onClose} title={t('designer.versions')} size={360} destroyOnHidden>
      {versions.data?.length === 0 && <Empty description={t('designer.noVersions')} />}
      <List
        data-testid="version-list"
        loading={versions.isLoading}
        dataSource={versions.data ?? []}
        renderItem={(v) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  <Tag color="blue">v{v.version}</Tag> {v.name}
                </>
              }
              description={
                <Typography.Text type="secondary">
                  {t('designer.versionLine', { time: countyTime(v.publishedAt), count: v.submissionCount })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Drawer>
  );
}
