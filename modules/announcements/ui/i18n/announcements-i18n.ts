import { createModuleI18n, type ModuleT, type ModuleTextKey } from '../../../../admin-ui/src/module-kit';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';

export type AnnouncementKey = ModuleTextKey<typeof zhCN>;
export type AnnouncementT = ModuleT<typeof zhCN>;

/** The announcements module's texts, namespace `announcements`, joining the app when one of its pages first loads. */
export const { useT } = createModuleI18n('announcements', zhCN, en);
