import { useEffect, useMemo, useState, type Key } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Skeleton, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnits, type Unit } from '../../api/org.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { useIsPhone } from '../../layout/use-is-phone';
import { UnitActionsMenu, type UnitAction } from './unit-actions-menu';
import { UnitFormModal, type UnitFormTarget } from './unit-form-modal';
import { UnitMoveModal } from './unit-move-modal';
import { buildUnitTree, initiallyExpanded, type UnitTreeNode } from './unit-tree';
import { useUnitDelete } from './use-unit-delete';
import { useUnitDrop } from './use-unit-drop';

interface UnitTreePanelProps {
  selectedId: string | null;
  onSelect: (unit: Unit | null) => void;
  canManage: boolean;
}

/** The unit tree: pick a unit to see its people; add, rename, move (drag or dialog) and delete units. */
export function UnitTreePanel({ selectedId, onSelect, canManage }: UnitTreePanelProps) {
  const { t } = useTranslation('org');
  const { slug } = useTenantSession();
  const isPhone = useIsPhone();
  const units = useUnits(slug);
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const [formTarget, setFormTarget] = useState<UnitFormTarget | null>(null);
  const [moving, setMoving] = useState<Unit | null>(null);
  const confirmDelete = useUnitDelete((unit) => unit.id === selectedId && onSelect(null));

  useEffect(() => {
    if (expanded === null && units.data) setExpanded(initiallyExpanded(units.data));
  }, [expanded, units.data]);

  const act = (action: UnitAction, unit: Unit) => {
    if (action === 'addChild') setFormTarget({ mode: 'create', parent: unit });
    else if (action === 'rename') setFormTarget({ mode: 'rename', unit });
    else if (action === 'move') setMoving(unit);
    else confirmDelete(unit);
  };

  /** A unit just added or moved stays in sight: its ancestors open and it is selected. */
  const reveal = (unit: Unit) => {
    const ancestors = unit.path.split('/').filter((id) => id !== '' && id !== unit.id);
    setExpanded((keys) => [...new Set([...(keys ?? []), ...ancestors])]);
    onSelect(unit);
  };
  const onDrop = useUnitDrop(units.data ?? [], reveal);

  let body;
  if (units.isLoading) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (units.isError) body = <ErrorResult error={units.error} onRetry={() => void units.refetch()} />;
  else if (tree.length === 0) {
    body = (
      <Empty description={t('tree.empty')}>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: null })}>
            {t('unit.addRoot')}
          </Button>
        )}
      </Empty>
    );
  } else {
    body = (
      <Tree<UnitTreeNode>
        treeData={tree}
        blockNode
        showLine
        expandedKeys={expanded ?? []}
        onExpand={setExpanded}
        selectedKeys={selectedId ? [selectedId] : []}
        // A second click keeps the unit (antd would unselect it); "show everyone" clears the choice.
        onSelect={(_, info) => onSelect(info.node.unit)}
        // Dragging fights with scrolling on a touch screen; there the "move to…" dialog does it.
        draggable={canManage && !isPhone ? { icon: false } : false}
        onDrop={onDrop}
        titleRender={(node) => (
          <Flex justify="space-between" align="center" gap={4} data-testid="unit-node">
            <Typography.Text ellipsis>{node.unit.name}</Typography.Text>
            {canManage && <UnitActionsMenu unit={node.unit} onAction={act} />}
          </Flex>
        )}
      />
    );
  }

  return (
    <section aria-label={t('tree.title')} data-testid="unit-tree">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('tree.title')}
        </Typography.Title>
        {selectedId && (
          <Button type="link" size="small" onClick={() => onSelect(null)}>
            {t('tree.showAll')}
          </Button>
        )}
      </Flex>
      {body}
      <UnitFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(unit) => {
          setFormTarget(null);
          reveal(unit);
        }}
      />
      <UnitMoveModal
        unit={moving}
        onClose={() => setMoving(null)}
        onMoved={(unit) => {
          setMoving(null);
          reveal(unit);
        }}
      />
    </section>
  );
}
