import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../../admin-ui/src/i18n/i18n';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';

/** Dotted keys of the module's zh-CN texts: what `t` accepts (checked at compile time). */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type DispatchKey = Leaves<typeof zhCN>;
export type DispatchT = (key: DispatchKey, values?: Record<string, string | number>) => string;

// The module's texts join the app's i18next as namespace `dispatch` when a dispatch page first
// loads: the shell's bundle carries none of them.
if (!i18n.hasResourceBundle('zh-CN', 'dispatch')) {
  i18n.addResourceBundle('zh-CN', 'dispatch', zhCN);
  i18n.addResourceBundle('en', 'dispatch', en);
}

// The app's `t` is typed against the shell's namespaces; this namespace is typed by DispatchKey instead.
const translate = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;

/** `t` for the dispatch module's texts; re-renders on a language change like useTranslation. */
export function useDispatchT(): DispatchT {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage;
  return useCallback<DispatchT>((key, values) => translate(key, { ns: 'dispatch', lng: language, ...values }), [language]);
}
