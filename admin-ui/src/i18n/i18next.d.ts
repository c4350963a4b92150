import 'i18next';
import type zhCN from './zh-CN.json';

// Translation keys are checked at compile time against the zh-CN resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof zhCN;
  }
}
