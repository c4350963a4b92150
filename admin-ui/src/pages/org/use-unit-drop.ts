import { App, type TreeProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMoveUnit, type Unit } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import type { UnitTreeNode } from './unit-tree';
import { useOrgErrors } from './use-org-errors';

/**
 * Drag and drop in the tree: dropped onto a unit, the dragged unit moves under it; dropped between
 * two units, it moves under their parent. A move carries a whole subtree, so it is confirmed first.
 */
export function useUnitDrop(units: Unit[], onMoved: (unit: Unit) => void): NonNullable<TreeProps<UnitTreeNode>['onDrop']> {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const { modal, message } = App.useApp();
  const moveUnit = useMoveUnit(slug);
  const errors = useOrgErrors();

  return ({ dragNode, node, dropToGap }) => {
    const unit = dragNode.unit;
    const parentId = dropToGap ? node.unit.parentId : node.unit.id;
    // Between top units, or back where it was: nothing to do.
    if (parentId === null || parentId === unit.parentId) return;
    const parent = units.find((candidate) => candidate.id === parentId);
    if (!parent) return;
    modal.confirm({
      title: t('move.confirm', { name: unit.name, parent: parent.name }),
      content: t('move.hint'),
      okText: t('move.submit'),
      cancelText: t('actions.cancel', { ns: 'common' }),
      onOk: () =>
        moveUnit.mutateAsync({ unitId: unit.id, parentId }).then(
          (moved) => {
            void message.success(t('move.done', { name: unit.name, parent: parent.name }));
            onMoved(moved);
          },
          (error: unknown) => errors.show(error),
        ),
    });
  };
}
