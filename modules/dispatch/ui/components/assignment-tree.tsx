import { useMemo } from 'react';
import { Empty, Flex, Progress, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { AssignmentView } from '../../schemas/task.schema';
import { useT, type DispatchT } from '../i18n/dispatch-i18n';
import { LightBadge } from './light-badge';
import { countyTime } from '../../../../admin-ui/src/module-kit';

function NodeTitle({ node, t }: { node: AssignmentView; t: DispatchT }) {
  return (
    <Flex wrap gap={6} align="center" data-testid={`tree-node-${node.unit.name}`} data-light={node.light} style={{ padding: '2px 0' }}>
      <LightBadge light={node.light} cause={node.lightCause} compact />
      <Typography.Text strong>{node.unit.name}</Typography.Text>
      {node.depth === 0 && <Tag color={node.role === 'lead' ? 'geekblue' : 'default'}>{t(`role.${node.role}`)}</Tag>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`light.${node.light}`)}
      </Typography.Text>
      <Progress percent={node.progress} size={[80, 6]} style={{ margin: 0, width: 120 }} />
      {node.childCount > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`own-progress-${node.unit.name}`}>
          {t('progress.own', { n: node.ownProgress })}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('tree.deadline', { time: countyTime(node.deadline) })}
      </Typography.Text>
      {node.status !== 'open' && <Tag>{t(`status.${node.status}`)}</Tag>}
      {node.person && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {node.person.name}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * The task's assignments as a tree (mind-map style, lines from each unit to the units it
 * re-dispatched to): light, progress, deadline on every node; a click opens the node.
 */
export function AssignmentTree({ assignments, onOpen }: { assignments: AssignmentView[]; onOpen: (assignment: AssignmentView) => void }) {
  const t = useT();
  const byId = useMemo(() => new Map(assignments.map((a) => [a.id, a])), [assignments]);
  const treeData = useMemo(() => {
    const children = new Map<string | null, AssignmentView[]>();
    for (const a of assignments) {
      // A node whose parent the viewer does not see hangs at the top.
      const parent = a.parentId && byId.has(a.parentId) ? a.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), a]);
    }
    const build = (parent: string | null): DataNode[] =>
      (children.get(parent) ?? []).map((a) => ({ key: a.id, title: <NodeTitle node={a} t={t} />, children: build(a.id) }));
    return build(null);
  }, [assignments, byId, t]);
  if (assignments.length === 0) return <Empty description={t('tree.empty')} />;
  return (
    <div data-testid="assignment-tree" style={{ overflowX: 'auto' }}>
      <Tree
        key={assignments.length}
        treeData={treeData}
        showLine
        defaultExpandAll
        selectable
        selectedKeys={[]}
        blockNode
        onSelect={(keys) => {
          const picked = byId.get(String(keys[0]));
          if (picked) onOpen(picked);
        }}
      />
    </div>
  );
}
