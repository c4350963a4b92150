import { createModuleI18n, type ModuleT, type ModuleTextKey } from '../../../../admin-ui/src/module-kit';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';

export type FormsKey = ModuleTextKey<typeof zhCN>;
export type FormsT = ModuleT<typeof zhCN>;

/**
 * The forms module's texts, namespace `forms`, joining the app when a forms page first loads;
 * `useT` is their `t`, typed by FormsKey.
 */
export const { useT } = createModuleI18n('forms', zhCN, en);
