import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { importMessage, type ImportProblem } from './import-details';

/** The per-row report of a refused import: where each problem is, and what it is. */
export function ImportErrorTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation('org');
  const text = (message: string) => {
    const known = importMessage(message);
    return known ? t(`import.messages.${known.key}`, { value: known.value }) : message;
  };
  const columns: TableColumnsType<ImportProblem> = [
    { key: 'sheet', title: t('import.sheet'), dataIndex: 'sheet', width: 80 },
    { key: 'row', title: t('import.row'), dataIndex: 'row', width: 64, render: (row: number | null) => row ?? '—' },
    { key: 'column', title: t('import.column'), dataIndex: 'column', width: 96 },
    { key: 'message', title: t('import.problem'), dataIndex: 'message', render: text },
  ];
  return (
    <Table<ImportProblem>
      rowKey="key"
      columns={columns}
      dataSource={problems}
      size="small"
      pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 480 }}
      data-testid="import-errors"
    />
  );
}
