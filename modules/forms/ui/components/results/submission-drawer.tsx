import { periodLabel } from '../../period-label';
import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Flex, Input, Skeleton, Space, Tag } from 'antd';
import { ErrorResult, useCountyTime, useHasPermission, useTenantSession } from '../../../../../admin-ui/src/module-kit';
import { useReturnSubmission, useSubmission } from '../../api/forms.api';
import { useT } from '../../i18n/forms-i18n';
import { FormView } from '../form-view';
import { StateTag } from '../state-tag';

/** One submission, read-only, rendered by the version it was made with; return it for correction. */
export function SubmissionDrawer({ submissionId, onClose }: { submissionId: string | null; onClose: () => void }) {
  const t = useT();
  const { slug } = useTenantSession();
  const countyTime = useCountyTime();
  const { message } = App.useApp();
  const hasPermission = useHasPermission();
  const submission = useSubmission(slug, submissionId ?? undefined);
  const returnIt = useReturnSubmission(slug);
  const [reason, setReason] = useState('');
  const s = submission.data;

  return (
    <Drawer
      open={!!submissionId}
      onClose={onClose}
      title={s ? `${s.form.name}` : t('results.detail')}
      size={640}
      destroyOnHidden
      data-testid="submission-drawer"
    >
      {submission.error && <ErrorResult error={submission.error} onRetry={() => void submission.refetch()} />}
      {!s && !submission.error && <Skeleton active />}
      {s && (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('results.version')}>
              <Tag color="blue">v{s.form.version}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('results.status')}>
              <StateTag state={s.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('results.unit')}>{s.unitName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('results.period')}>{s.periodKey ? periodLabel(t, s.periodKey) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('results.submittedBy')}>{s.submittedBy.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('results.submittedAt')}>{countyTime(s.submittedAt)}</Descriptions.Item>
            {s.returnReason && <Descriptions.Item label={t('results.returnReason')}>{s.returnReason}</Descriptions.Item>}
          </Descriptions>
          <FormView key={s.id} schema={s.form.schema} uiSchema={s.form.uiSchema} formData={s.data} disabled testId="submission-view" />
          {hasPermission('forms.collect') && s.status === 'submitted' && (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                aria-label={t('results.returnReason')}
                placeholder={t('results.returnPlaceholder')}
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
              />
              <Button
                danger
                disabled={!reason.trim()}
                loading={returnIt.isPending}
                onClick={() =>
                  returnIt.mutate(
                    { id: s.id, reason: reason.trim() },
                    {
                      onSuccess: () => {
                        message.success(t('results.returned'));
                        setReason('');
                      },
                    },
                  )
                }
              >
                {t('results.return')}
              </Button>
            </Space.Compact>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
