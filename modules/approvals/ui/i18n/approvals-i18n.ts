import { createModuleI18n, type ModuleT, type ModuleTextKey } from '../../../../admin-ui/src/module-kit';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';

export type ApprovalsKey = ModuleTextKey<typeof zhCN>;
export type ApprovalsT = ModuleT<typeof zhCN>;

/** The approvals module's texts, namespace `approvals`, joining the app when one of its pages first loads. */
export const { useT } = createModuleI18n('approvals', zhCN, en);
