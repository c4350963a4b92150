import { PhoneOutlined } from '@ant-design/icons';
import { Card, List, Space, Typography } from 'antd';
import type { Person } from '../../api/org.api';
import { PersonRowActions } from './person-row-actions';
import type { PeopleViewProps } from './people-table';

/** People on a phone: a card each (a wide table would need sideways scrolling). */
export function PeopleCardList({ people, loading, canManage, onEdit }: PeopleViewProps) {
  return (
    <List<Person>
      dataSource={people}
      loading={loading}
      rowKey="id"
      data-testid="people-cards"
      renderItem={(person) => (
        <List.Item style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
          <Card
            size="small"
            style={{ width: '100%' }}
            actions={canManage ? [<PersonRowActions key="actions" person={person} onEdit={onEdit} />] : undefined}
          >
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{person.name}</Typography.Text>
                {person.positionName && <Typography.Text type="secondary">{person.positionName}</Typography.Text>}
              </Space>
              <Typography.Text type="secondary">{person.unitName}</Typography.Text>
              <Typography.Link href={`tel:${person.phone}`}>
                <PhoneOutlined /> {person.phone}
              </Typography.Link>
            </Space>
          </Card>
        </List.Item>
      )}
    />
  );
}
