import { Link } from 'react-router';
import { Statistic, Typography } from 'antd';
import type { ModuleWidgetProps } from '../../../../admin-ui/src/module-kit';
import { useMyDue } from '../api/forms.api';
import { useT } from '../i18n/forms-i18n';

/** Home card "待填报": how many forms the user still has to fill in, and how many are overdue. */
export default function MyDueWidget({ tenantSlug }: ModuleWidgetProps) {
  const t = useT();
  const due = useMyDue(tenantSlug);
  const open = (due.data ?? []).filter((d) => d.state !== 'submitted');
  const overdue = open.filter((d) => d.overdue).length;
  return (
    <div data-testid="my-due-widget">
      <Statistic value={open.length} loading={due.isLoading} suffix={t('widget.items')} />
      {overdue > 0 && <Typography.Text type="danger">{t('widget.overdue', { n: overdue })}</Typography.Text>}
      <div style={{ marginTop: 8 }}>
        <Link to={`/t/${tenantSlug}/forms/my-due`}>{t('widget.open')}</Link>
      </div>
    </div>
  );
}
