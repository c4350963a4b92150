import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from './i18n';

/** Dotted keys of a module's texts (its zh-CN file): what its `t` accepts, checked at compile time. */
export type ModuleTextKey<Texts, Prefix extends string = ''> = {
  [K in keyof Texts & string]: Texts[K] extends string ? `${Prefix}${K}` : ModuleTextKey<Texts[K], `${Prefix}${K}.`>;
}[keyof Texts & string];

/** A module's `t`: a key of its texts, and the values its text interpolates. */
export type ModuleT<Texts> = (key: ModuleTextKey<Texts>, values?: Record<string, string | number>) => string;

// The app's `t` is typed against the shell's namespaces; a module's namespace is typed by its own keys instead.
const translate = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => string;

/**
 * A module's texts as i18next namespace `id`, in both languages, and its typed `t` hook. Called
 * once at the top of a module file that its pages import, so the texts join the app when a page
 * of the module first loads: the shell's bundle carries none of them. `en` must hold every key of
 * `zhCN` (the module's locales test keeps the two in step).
 */
export function createModuleI18n<Texts extends object>(id: string, zhCN: Texts, en: Texts) {
  if (!i18n.hasResourceBundle('zh-CN', id)) {
    i18n.addResourceBundle('zh-CN', id, zhCN);
    i18n.addResourceBundle('en', id, en);
  }
  /** `t` for the module's texts; re-renders on a language change like useTranslation. */
  function useT(): ModuleT<Texts> {
    const { i18n: instance } = useTranslation();
    const language = instance.resolvedLanguage;
    return useCallback<ModuleT<Texts>>((key, values) => translate(key, { ns: id, lng: language, ...values }), [language]);
  }
  return { useT };
}
