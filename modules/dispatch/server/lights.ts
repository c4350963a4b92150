import type { DispatchConfig } from '../dispatch-config.ts';

/**
 * Lights (亮灯) are computed, never typed. One assignment's own light follows from its state and
 * dates; a node with subtasks also takes the worst light among them (a town is red when one of
 * its villages is), and its progress is the mean of theirs.
 */
export type Light = 'white' | 'blue' | 'green' | 'yellow' | 'red';
export type LightCause = 'completed' | 'overdue' | 'problem_reported' | 'due_soon' | 'not_started' | 'ahead' | 'on_track' | 'subtask';

export const LIGHT_SEVERITY: Record<Light, number> = { white: 0, blue: 1, green: 2, yellow: 3, red: 4 };
export const LIGHTS: Light[] = ['white', 'blue', 'green', 'yellow', 'red'];

export type LightRules = Pick<DispatchConfig, 'yellowDaysBeforeDeadline' | 'blueAheadPercent' | 'problemTurnsYellow'>;

export interface LightNode {
  status: 'pending' | 'open' | 'submitted' | 'done' | 'closed';
  progress: number;
  problem: boolean;
  createdAt: Date;
  deadline: Date;
}

const DAY_MS = 86_400_000;

/**
 * The rules, first match wins:
 * done or closed → green (completed); past the deadline → red (overdue); a reported problem →
 * yellow; within `yellowDaysBeforeDeadline` days of the deadline → yellow (due soon); no progress
 * yet → white (not started); progress at least `blueAheadPercent` points ahead of the share of
 * time elapsed → blue (ahead); otherwise green (on track). The deadline instant itself is not overdue.
 */
export function ownLight(node: LightNode, rules: LightRules, now: Date): { light: Light; cause: LightCause } {
  if (node.status === 'done' || node.status === 'closed') return { light: 'green', cause: 'completed' };
  const left = node.deadline.getTime() - now.getTime();
  if (left < 0) return { light: 'red', cause: 'overdue' };
  if (node.problem && rules.problemTurnsYellow) return { light: 'yellow', cause: 'problem_reported' };
  if (left <= rules.yellowDaysBeforeDeadline * DAY_MS) return { light: 'yellow', cause: 'due_soon' };
  if (node.progress === 0) return { light: 'white', cause: 'not_started' };
  const span = node.deadline.getTime() - node.createdAt.getTime();
  const expected = span <= 0 ? 100 : ((now.getTime() - node.createdAt.getTime()) / span) * 100;
  if (node.progress >= expected + rules.blueAheadPercent) return { light: 'blue', cause: 'ahead' };
  return { light: 'green', cause: 'on_track' };
}

/** The worse of a node's own light and its subtasks' (a completed node keeps its green). */
export function rolledUpLight(
  own: { light: Light; cause: LightCause },
  children: Light[],
  done: boolean,
): { light: Light; cause: LightCause } {
  if (done || children.length === 0) return own;
  const worst = children.reduce((a, b) => (LIGHT_SEVERITY[b] > LIGHT_SEVERITY[a] ? b : a));
  return LIGHT_SEVERITY[worst] > LIGHT_SEVERITY[own.light] ? { light: worst, cause: 'subtask' } : own;
}

/** The light of a set of sibling nodes seen as one (a task over its units). */
export function worstLight(lights: Light[]): Light {
  return lights.reduce<Light>((a, b) => (LIGHT_SEVERITY[b] > LIGHT_SEVERITY[a] ? b : a), 'white');
}

/** One assignment whose light a recomputation changed: what watchers are told and the log records. */
export interface LightChange {
  taskId: string;
  assignmentId: string;
  unitId: string;
  from: Light;
  to: Light;
  cause: LightCause;
}
