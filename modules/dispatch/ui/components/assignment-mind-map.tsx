import { useMemo } from 'react';
import { Empty } from 'antd';
import type { AssignmentView, TaskView } from '../../schemas/task.schema';
import { useT } from '../i18n/dispatch-i18n';
import { LIGHT_COLORS } from './light-badge';
import { MindMapChart, type MindMapNode } from './mind-map-chart';

/**
 * The task as a mind map (脑图): the task in the middle of the left edge, a branch to each unit it
 * was dispatched to and on to the units they re-dispatched to, each node in its light's colour with
 * its progress; a click on a unit opens its assignment.
 */
export function AssignmentMindMap({
  task,
  assignments,
  onOpen,
}: {
  task: TaskView;
  assignments: AssignmentView[];
  onOpen: (assignment: AssignmentView) => void;
}) {
  const t = useT();
  const byId = useMemo(() => new Map(assignments.map((a) => [a.id, a])), [assignments]);
  const { root, leaves } = useMemo(() => {
    const children = new Map<string | null, AssignmentView[]>();
    for (const a of assignments) {
      const parent = a.parentId && byId.has(a.parentId) ? a.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), a]);
    }
    let count = 0;
    const build = (parent: string | null): MindMapNode[] =>
      (children.get(parent) ?? []).map((a) => {
        const below = build(a.id);
        if (below.length === 0) count += 1;
        return {
          id: a.id,
          name: `${a.unit.name} ${a.progress}%`,
          color: LIGHT_COLORS[a.light],
          tooltip: `${a.unit.name}：${t(`light.${a.light}`)}，${a.progress}%`,
          children: below,
        };
      });
    const top = build(null);
    return {
      root: {
        id: '',
        name: task.title,
        color: LIGHT_COLORS[task.light],
        tooltip: `${task.title}：${t(`light.${task.light}`)}，${task.progress}%`,
        children: top,
      },
      leaves: Math.max(count, 1),
    };
  }, [assignments, byId, task, t]);

  if (assignments.length === 0) return <Empty description={t('tree.empty')} />;
  return (
    <div data-testid="assignment-mind-map">
      <MindMapChart
        root={root}
        height={Math.max(240, leaves * 36)}
        onOpen={(id) => {
          const node = byId.get(id);
          if (node) onOpen(node);
        }}
      />
    </div>
  );
}
