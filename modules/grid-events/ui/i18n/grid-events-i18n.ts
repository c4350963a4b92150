import { createModuleI18n, type ModuleT, type ModuleTextKey } from '../../../../admin-ui/src/module-kit';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';

export type GridKey = ModuleTextKey<typeof zhCN>;
export type GridT = ModuleT<typeof zhCN>;

/**
 * The grid-events module's texts, namespace `grid-events`, joining the app when one of its pages
 * (signed-in or public) first loads; `useT` is their `t`, typed by GridKey.
 */
export const { useT } = createModuleI18n('grid-events', zhCN, en);
