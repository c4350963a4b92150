import { useState } from 'react';
import { Button, Flex, Segmented, Table } from 'antd';
import { ErrorResult, useCountyTime } from '../../../../admin-ui/src/module-kit';
import type { ReceiptPerson } from '../../schemas/notice.schema';
import { useReceiptPeople } from '../api/announcements.api';
import { useT } from '../i18n/announcements-i18n';

type State = '' | 'unread' | 'read' | 'unconfirmed' | 'confirmed';

/** The people behind a unit's counts (or everyone's), by state, fifty at a time. */
export function ReceiptPeople({
  slug,
  noticeId,
  unitId,
  confirmation,
}: {
  slug: string;
  noticeId: string;
  unitId: string;
  confirmation: boolean;
}) {
  const t = useT();
  const time = useCountyTime();
  const [state, setState] = useState<State>('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const people = useReceiptPeople(slug, noticeId, unitId, state, cursors[cursors.length - 1]);
  const states: State[] = confirmation ? ['', 'unread', 'read', 'unconfirmed', 'confirmed'] : ['', 'unread', 'read'];

  return (
    <Flex vertical gap={8}>
      <Segmented<State>
        size="small"
        value={state}
        onChange={(value) => {
          setState(value);
          setCursors([undefined]);
        }}
        options={states.map((value) => ({ value, label: t(`receipts.state.${value || 'all'}`) }))}
      />
      {people.error ? (
        <ErrorResult error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <Table<ReceiptPerson>
          size="small"
          rowKey="userId"
          loading={people.isFetching}
          dataSource={people.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('receipts.empty') }}
          scroll={{ x: 520 }}
          columns={[
            { title: t('receipts.columns.name'), dataIndex: 'name', width: 120 },
            { title: t('receipts.columns.unit'), key: 'unit', width: 140, render: (_, row) => row.unit ?? t('receipts.noUnit') },
            { title: t('receipts.columns.readAt'), key: 'readAt', width: 140, render: (_, row) => time(row.readAt) },
            ...(confirmation
              ? [
                  {
                    title: t('receipts.columns.confirmedAt'),
                    key: 'confirmedAt',
                    width: 140,
                    render: (_: unknown, row: ReceiptPerson) => time(row.confirmedAt),
                  },
                ]
              : []),
          ]}
        />
      )}
      {(cursors.length > 1 || people.data?.nextCursor) && (
        <Flex gap={8} justify="center">
          <Button size="small" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
            ‹
          </Button>
          <Button
            size="small"
            disabled={!people.data?.nextCursor}
            onClick={() => setCursors([...cursors, people.data?.nextCursor ?? undefined])}
          >
            ›
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
