import { Link } from 'react-router';
import { Flex, Statistic, Tag, Typography } from 'antd';
import type { ModuleWidgetProps } from '../../../../admin-ui/src/module-kit';
import { usePending } from '../api/dispatch.api';
import type { PendingKind } from '../../schemas/view.schema';
import { useT } from '../i18n/dispatch-i18n';

/** Home card "我的待办": how much waits on the user, by kind, and how much of it is red. */
export default function PendingWidget({ tenantSlug }: ModuleWidgetProps) {
  const t = useT();
  const pending = usePending(tenantSlug);
  const counts = pending.data?.counts ?? {};
  const kinds = (Object.keys(counts) as PendingKind[]).filter((k) => (counts[k] ?? 0) > 0);
  const total = kinds.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  const red = (pending.data?.items ?? []).filter((item) => item.light === 'red').length;
  return (
    <div data-testid="dispatch-pending-widget">
      <Statistic value={total} loading={pending.isLoading} suffix={t('widget.items')} />
      <Flex wrap gap={4} style={{ marginTop: 4 }}>
        {kinds.map((k) => (
          <Tag key={k}>{t(`pending.kinds.${k}`, { n: counts[k] ?? 0 })}</Tag>
        ))}
      </Flex>
      {red > 0 && <Typography.Text type="danger">{t('widget.red', { n: red })}</Typography.Text>}
      <div style={{ marginTop: 8 }}>
        <Link to={`/t/${tenantSlug}/dispatch/pending`}>{t('widget.open')}</Link>
      </div>
    </div>
  );
}
