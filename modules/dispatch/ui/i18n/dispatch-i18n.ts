import { createModuleI18n, type ModuleT, type ModuleTextKey } from '../../../../admin-ui/src/module-kit';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';

export type DispatchKey = ModuleTextKey<typeof zhCN>;
export type DispatchT = ModuleT<typeof zhCN>;

/**
 * The dispatch module's texts, namespace `dispatch`, joining the app when a dispatch page first
 * loads; `useT` is their `t`, typed by DispatchKey.
 */
export const { useT } = createModuleI18n('dispatch', zhCN, en);
