import { useState } from 'react';
import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuditLog, type AuditEntry, type AuditFilter } from '../../api/audit.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { AuditFilters } from './audit-filters';
import { countyTime, countyTimeZone } from '../../time/county-time';
import { useAuditSentence } from './use-audit-sentence';
import { useIsPhone } from '../../layout/use-is-phone';

/** The audit trail: who changed what and when, newest first, with each entry's data a click away. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const { t: tShell } = useTranslation('shell');
  const { slug } = useTenantSession();
  const [filter, setFilter] = useState<AuditFilter>({});
  const log = useAuditLog(slug, filter);
  const rows = log.data?.pages.flatMap((page) => page.items) ?? [];
  const sentence = useAuditSentence();

  const isPhone = useIsPhone();
  const event = (entry: AuditEntry) => <span data-testid="audit-sentence">{sentence(entry)}</span>;
  // On a phone the sentence takes the width and the time goes under it.
  const columns: TableColumnsType<AuditEntry> = isPhone
    ? [
        {
          title: t('audit.event', { ns: 'adminConsole' }),
          key: 'sentence',
          render: (_, entry) => (
            <Flex vertical>
              {event(entry)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {countyTime(entry.at, 'YYYY-MM-DD HH:mm:ss')}
              </Typography.Text>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('columns.at'), dataIndex: 'at', width: 180, render: (at: string) => countyTime(at, 'YYYY-MM-DD HH:mm:ss') },
        { title: t('audit.event', { ns: 'adminConsole' }), key: 'sentence', render: (_, entry) => event(entry) },
      ];

  return (
    <>
      <Typography.Title level={3}>{tShell('menu.audit')}</Typography.Title>
      <AuditFilters onApply={setFilter} />
      <Typography.Paragraph type="secondary">{t('timeZoneNote', { zone: countyTimeZone() })}</Typography.Paragraph>
      {log.error ? (
        <ErrorResult error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <Table<AuditEntry>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={log.isPending}
            pagination={false}
            scroll={isPhone ? undefined : { x: 'max-content' }}
            locale={{ emptyText: t('empty') }}
            expandable={{
              columnTitle: t('columns.details'),
              expandedRowRender: (entry) => (
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }} data-testid="audit-data">
                  {JSON.stringify(entry.data, null, 2)}
                </pre>
              ),
            }}
            data-testid="audit-table"
          />
          <Flex justify="center" style={{ marginTop: 16 }}>
            {log.hasNextPage ? (
              <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                {t('loadMore')}
              </Button>
            ) : (
              rows.length > 0 && <Typography.Text type="secondary">{t('end', { n: rows.length })}</Typography.Text>
            )}
          </Flex>
        </>
      )}
    </>
  );
}
