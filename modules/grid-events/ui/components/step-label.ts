import zhCN from '../locales/zh-CN.json';
import type { GridT } from '../i18n/grid-events-i18n';

type StepName = keyof typeof zhCN.steps;
const isKnown = (action: string): action is StepName => Object.hasOwn(zhCN.steps, action);

/** A timeline step's name in the reader's language; a step this page does not know yet keeps its code. */
export function stepLabel(t: GridT, action: string): string {
  return isKnown(action) ? t(`steps.${action}`) : action;
}
