import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/org.api';
import { PersonRowActions } from './person-row-actions';

interface PeopleViewProps {
  people: Person[];
  loading: boolean;
  canManage: boolean;
  onEdit: (person: Person) => void;
  /** Picking people for a bulk action (accounts, roles); absent: no checkboxes. */
  selection?: { keys: string[]; onChange: (people: Person[]) => void };
}

/** People on a PC: one row each. Paging is the panel's "load more", not the table's. */
export function PeopleTable({ people, loading, canManage, onEdit, selection }: PeopleViewProps) {
  const { t } = useTranslation('org');
  const columns: TableColumnsType<Person> = [
    { key: 'name', title: t('person.name'), dataIndex: 'name' },
    { key: 'phone', title: t('person.phone'), dataIndex: 'phone' },
    { key: 'unit', title: t('person.unit'), dataIndex: 'unitName' },
    { key: 'position', title: t('person.position'), dataIndex: 'positionName', render: (name: string | null) => name ?? '—' },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('person.actions'),
            width: 170,
            render: (_: unknown, person: Person) => <PersonRowActions person={person} onEdit={onEdit} />,
          },
        ]
      : []),
  ];
  return (
    <Table<Person>
      rowKey="id"
      columns={columns}
      dataSource={people}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 640 }}
      rowSelection={
        selection && {
          selectedRowKeys: selection.keys,
          onChange: (_keys, picked) => selection.onChange(picked),
          preserveSelectedRowKeys: true,
        }
      }
      data-testid="people-table"
    />
  );
}

export type { PeopleViewProps };
