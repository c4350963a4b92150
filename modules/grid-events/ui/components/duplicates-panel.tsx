import { useNavigate } from 'react-router';
import { App, Button, Card, Flex, List, Popconfirm, Space, Typography } from 'antd';
import { useCountyTime, useHasPermission, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { EventView } from '../../schemas/event.schema';
import { useDuplicates, useMergeEvent } from '../api/grid-events.api';
import { useT } from '../i18n/grid-events-i18n';
import { actionError } from './action-error';
import { StatusTag } from './event-status';

const OPEN = ['unassigned', 'reported', 'accepted', 'in_progress'];

/**
 * 疑似重复: open events of the same category reported nearby and lately, nearest first. The
 * handler merges this one into the one that stays; its reporters then follow that one.
 */
export function DuplicatesPanel({ event }: { event: EventView }) {
  const t = useT();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const has = useHasPermission();
  const eligible = OPEN.includes(event.status) && (has('grid-events.handle') || has('grid-events.manage'));
  const duplicates = useDuplicates(slug, event.id, eligible);
  const merge = useMergeEvent(slug, event.id);

  if (!eligible || !duplicates.data || duplicates.data.length === 0) return null;
  return (
    <Card size="small" title={t('duplicates.title', { n: duplicates.data.length })} data-testid="duplicates">
      <Typography.Paragraph type="secondary">{t('duplicates.intro')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={duplicates.data}
        renderItem={(candidate) => (
          <List.Item
            key={candidate.id}
            actions={[
              <Popconfirm
                key="merge"
                title={t('duplicates.confirm', { code: event.code, into: candidate.code })}
                onConfirm={() =>
                  merge.mutate(candidate.id, {
                    onSuccess: () => {
                      message.success(t('duplicates.merged', { code: candidate.code }));
                      void navigate(`/t/${slug}/grid-events/events/${candidate.id}`);
                    },
                    onError: (error) => message.error(actionError(t, error)),
                  })
                }
              >
                <Button size="small" loading={merge.isPending && merge.variables === candidate.id}>
                  {t('duplicates.merge')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Space size={4} wrap>
                <Typography.Link onClick={() => void navigate(`/t/${slug}/grid-events/events/${candidate.id}`)}>
                  {candidate.code}
                </Typography.Link>
                <StatusTag status={candidate.status} />
                <Typography.Text type="secondary">{t('duplicates.distance', { n: candidate.distanceMeters })}</Typography.Text>
              </Space>
              <Typography.Text ellipsis>{candidate.description}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {candidate.address ? `${candidate.address} · ` : ''}
                {time(candidate.createdAt)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
