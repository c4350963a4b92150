import { useState } from 'react';
import { DownloadOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { App, Button, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTenantSession } from '../../../../admin-ui/src/module-kit';
import { downloadAggregation, useFollow, usePeriods, useSetFollow } from '../api/dispatch-extras.api';
import type { TaskView } from '../../schemas/task.schema';
import { useT } from '../i18n/dispatch-i18n';
import { actionError } from './action-error';

/** Follow (关注) a task, and for supervisors and leaders one-click aggregation (汇总下载) of every unit's report. */
export function TaskTools({ task, canAggregate }: { task: TaskView; canAggregate: boolean }) {
  const t = useT();
  const { i18n } = useTranslation();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const follow = useFollow(slug, task.id);
  const setFollow = useSetFollow(slug);
  const periods = usePeriods(slug, task.id, canAggregate && task.cadence !== null);
  const [periodKey, setPeriodKey] = useState<string>();
  const [busy, setBusy] = useState(false);
  const following = follow.data?.following ?? false;

  const aggregate = async () => {
    setBusy(true);
    try {
      const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
      await downloadAggregation(
        slug,
        task.id,
        { periodKey, lang, fileName: `${task.title}-${periodKey ?? t('tools.latest')}-${t('tools.aggregation')}.xlsx` },
        (fraction) => message.loading({ key: 'aggregation', content: t('tools.aggregating', { percent: Math.round(fraction * 100) }) }),
      );
      message.destroy('aggregation');
    } catch (error) {
      message.destroy('aggregation');
      message.error(actionError(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space wrap>
      <Button
        icon={following ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
        loading={follow.isLoading || setFollow.isPending}
        onClick={() =>
          setFollow.mutate(
            { taskId: task.id, following: !following },
            {
              onSuccess: (r) => message.success(r.following ? t('tools.followed') : t('tools.unfollowed')),
              onError: (e) => message.error(actionError(t, e)),
            },
          )
        }
        data-testid="follow-task"
      >
        {following ? t('tools.following') : t('tools.follow')}
      </Button>
      {canAggregate && (
        <Space.Compact>
          {task.cadence && (
            <Select
              allowClear
              placeholder={t('tools.latest')}
              value={periodKey}
              onChange={setPeriodKey}
              loading={periods.isLoading}
              options={(periods.data?.items ?? []).map((p) => ({ value: p.periodKey, label: p.label }))}
              style={{ width: 130 }}
              aria-label={t('tools.period')}
            />
          )}
          <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void aggregate()} data-testid="download-aggregation">
            {t('tools.download')}
          </Button>
        </Space.Compact>
      )}
    </Space>
  );
}
