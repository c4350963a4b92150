import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeletePerson, type Person } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useOrgErrors } from './use-org-errors';

/** Edit and delete (confirmed) for one person, in the table and in the phone's cards. */
export function PersonRowActions({ person, onEdit }: { person: Person; onEdit: (person: Person) => void }) {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const deletePerson = useDeletePerson(slug);
  const errors = useOrgErrors();
  return (
    <Space size={0}>
      <Button
        type="link"
        size="small"
        icon={<EditOutlined />}
        onClick={() => onEdit(person)}
        aria-label={t('person.editOf', { name: person.name })}
      >
        {t('person.edit')}
      </Button>
      <Popconfirm
        title={t('person.deleteConfirm', { name: person.name })}
        description={t('person.deleteHint')}
        okText={t('person.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('actions.cancel', { ns: 'common' })}
        onConfirm={() => deletePerson.mutateAsync(person.id).catch((error: unknown) => errors.show(error))}
      >
        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('person.deleteOf', { name: person.name })}>
          {t('person.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
