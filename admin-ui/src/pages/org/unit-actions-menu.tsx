import { DeleteOutlined, DragOutlined, EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../api/org.api';

export type UnitAction = 'addChild' | 'rename' | 'move' | 'delete';

/** The "…" button beside a unit in the tree, with what can be done to it. */
export function UnitActionsMenu({ unit, onAction }: { unit: Unit; onAction: (action: UnitAction, unit: Unit) => void }) {
  const { t } = useTranslation('org');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'addChild', icon: <PlusOutlined />, label: t('unit.addChild') },
          { key: 'rename', icon: <EditOutlined />, label: t('unit.edit') },
          // A top unit has no parent to change from here (making or moving roots needs the whole tenant).
          { key: 'move', icon: <DragOutlined />, label: t('unit.move'), disabled: unit.parentId === null },
          { type: 'divider' },
          { key: 'delete', icon: <DeleteOutlined />, label: t('unit.delete'), danger: true },
        ],
        // The tree must not also treat the click as selecting the unit.
        onClick: ({ key, domEvent }) => {
          domEvent.stopPropagation();
          onAction(key as UnitAction, unit);
        },
      }}
    >
      <Button
        type="text"
        size="small"
        icon={<MoreOutlined />}
        aria-label={t('unit.actionsOf', { name: unit.name })}
        onClick={(event) => event.stopPropagation()}
      />
    </Dropdown>
  );
}
