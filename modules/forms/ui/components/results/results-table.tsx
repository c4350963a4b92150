import { useCountyTime, useTenantSession } from '../../../../../admin-ui/src/module-kit';
import { Button, Flex, Table, Typography } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import type { ResultField } from '../../../schemas/results.schema';
import type { SubmissionView } from '../../../schemas/submission.schema';
import { useT } from '../../i18n/forms-i18n';
import { answerAt, answerText } from '../../results/answer-text';
import { FileThumbs, fileIdsOf } from './file-thumbs';
import { StateTag } from '../state-tag';

interface ResultsTableProps {
  items: SubmissionView[];
  fields: ResultField[];
  loading: boolean;
  sort: { field?: string; order: 'asc' | 'desc' };
  onSort: (sort: { field?: string; order: 'asc' | 'desc' }) => void;
  page: number;
  hasNext: boolean;
  onPage: (direction: 'prev' | 'next') => void;
  onOpen: (id: string) => void;
}

/** Submissions with their answers as columns; sorted by the server, paged by its cursor. */
export function ResultsTable({ items, fields, loading, sort, onSort, page, hasNext, onPage, onOpen }: ResultsTableProps) {
  const t = useT();
  const countyTime = useCountyTime();
  const { tenant } = useTenantSession();
  const order = (key: string): SortOrder =>
    sort.field === key || (!sort.field && key === 'submittedAt') ? (sort.order === 'asc' ? 'ascend' : 'descend') : null;
  // Every answer outside repeating groups (conditional ones too): a group's rows neither sort nor
  // fit a cell (the detail shows them). The table scrolls sideways.
  const shown = fields.filter((f) => f.kind !== 'other' && f.kind !== 'group' && !f.group);
  const cell = (s: SubmissionView, f: ResultField) => {
    if (f.kind === 'file') return <FileThumbs ids={fileIdsOf(answerAt(s.data, f.name))} />;
    return (
      <Typography.Text ellipsis style={{ maxWidth: 200 }}>
        {answerText(s.data, f, { yes: t('common.yes'), no: t('common.no') }, tenant.timeZone)}
      </Typography.Text>
    );
  };
  return (
    <>
      <Table<SubmissionView>
        rowKey="id"
        size="small"
        data-testid="results-table"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(s) => ({ onClick: () => onOpen(s.id), style: { cursor: 'pointer' } })}
        onChange={(_p, _f, sorter) => {
          const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<SubmissionView> | undefined;
          onSort(one?.order ? { field: String(one.columnKey), order: one.order === 'ascend' ? 'asc' : 'desc' } : { order: 'desc' });
        }}
        locale={{ emptyText: t('results.empty') }}
        columns={[
          {
            key: 'submittedAt',
            title: t('results.submittedAt'),
            dataIndex: 'submittedAt',
            sorter: true,
            sortOrder: order('submittedAt'),
            render: (v: string | null) => countyTime(v, 'MM-DD HH:mm'),
          },
          { key: 'unit', title: t('results.unit'), dataIndex: 'unitName', sorter: true, sortOrder: order('unit') },
          { key: 'by', title: t('results.submittedBy'), render: (_, s) => s.submittedBy.displayName },
          {
            key: 'status',
            title: t('results.status'),
            dataIndex: 'status',
            render: (status: SubmissionView['status']) => <StateTag state={status} />,
          },
          ...shown.map((f) => ({
            key: f.name,
            title: f.title,
            sorter: f.kind !== 'file',
            sortOrder: order(f.name),
            render: (_: unknown, s: SubmissionView) => cell(s, f),
          })),
        ]}
      />
      <Flex justify="end" gap={8} align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('results.page', { n: page })}</Typography.Text>
        <Button onClick={() => onPage('prev')} disabled={page <= 1}>
          {t('results.prev')}
        </Button>
        <Button onClick={() => onPage('next')} disabled={!hasNext}>
          {t('results.next')}
        </Button>
      </Flex>
    </>
  );
}
