import { Tag } from 'antd';
import type { RequestView } from '../../schemas/request.schema';
import { useT } from '../i18n/approvals-i18n';

const COLORS: Record<RequestView['status'], string> = {
  draft: 'default',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  returned: 'warning',
};

export function RequestStatus({ status }: { status: RequestView['status'] }) {
  const t = useT();
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
