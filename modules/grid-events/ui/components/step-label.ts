import zhCN from '../locales/zh-CN.json';
import type { GridT } from '../i18n/grid-events-i18n';

type StepName = keyof typeof zhCN.steps;
const isKnown = (action: string): action is StepName => Object.hasOwn(zhCN.steps, action);

/** A timeline step's name in the reader's language; a step this page does not know yet keeps its code. */
export function stepLabel(t: GridT, action: string): string {
  return isKnown(action) ? t(`steps.${action}`) : action;
}

const ROUTED_BY = ['grid', 'category', 'admin', 'escalation'] as const;
const isRoutedBy = (note: string): note is (typeof ROUTED_BY)[number] => ROUTED_BY.some((r) => r === note);

/** A step's note; a routing step notes how it was routed as a code (`grid`, `category`…), said here in words. */
export function stepNote(t: GridT, step: { action: string; note: string }): string {
  return step.action === 'route' && isRoutedBy(step.note) ? t(`routedBy.${step.note}`) : step.note;
}
