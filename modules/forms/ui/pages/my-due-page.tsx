import { periodLabel } from '../period-label';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, Empty, Flex, List, Space, Switch, Tag, Typography } from 'antd';
import { ErrorResult, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useMyDue } from '../api/forms.api';
import type { MyDueItem } from '../../schemas/collection.schema';
import { StateTag } from '../components/state-tag';
import { useT } from '../i18n/forms-i18n';

/** `/forms/my-due`: what the user (or their unit) must fill in, earliest due first. */
export default function MyDuePage() {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const [all, setAll] = useState(false);
  const due = useMyDue(slug, all);
  const open = (item: MyDueItem) =>
    navigate(`/t/${slug}/forms/fill/${item.collectionId}/${encodeURIComponent(item.periodKey)}/${item.assigneeId}`);
  const action = (item: MyDueItem) =>
    t(
      item.state === 'draft'
        ? 'myDue.continue'
        : item.state === 'returned'
          ? 'myDue.correct'
          : item.state === 'submitted'
            ? 'myDue.another'
            : 'myDue.fill',
    );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('myDue.title')}</Typography.Title>
        <Space>
          <Typography.Text type="secondary">{t('myDue.showSubmitted')}</Typography.Text>
          <Switch checked={all} onChange={setAll} aria-label={t('myDue.showSubmitted')} />
        </Space>
      </Flex>
      {due.error ? (
        <ErrorResult error={due.error} onRetry={() => void due.refetch()} />
      ) : (
        <List
          data-testid="my-due-list"
          loading={due.isLoading}
          dataSource={due.data ?? []}
          locale={{ emptyText: <Empty description={t('myDue.empty')} /> }}
          renderItem={(item) => (
            <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
              <Card size="small" style={{ width: '100%' }} data-testid={`due-${item.collectionId}-${item.periodKey}`}>
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <div style={{ minWidth: 0, flex: 1 }}>
                    <Typography.Text strong>{item.collectionName}</Typography.Text>
                    <div>
                      <Space size={4} wrap>
                        <Tag>{periodLabel(t, item.periodKey)}</Tag>
                        {item.unitName && <Tag>{item.unitName}</Tag>}
                        <StateTag state={item.state} />
                        <Tag color={item.overdue ? 'red' : 'default'}>
                          {item.overdue ? t('myDue.overdue', { date: item.dueOn }) : t('collections.dueShort', { date: item.dueOn })}
                        </Tag>
                      </Space>
                    </div>
                  </div>
                  <Button type={item.state === 'submitted' ? 'default' : 'primary'} onClick={() => open(item)}>
                    {action(item)}
                  </Button>
                </Flex>
              </Card>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
