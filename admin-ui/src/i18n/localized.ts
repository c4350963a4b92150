import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../api/localized-text';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';

/** Picks the text for the language, falling back to zh-CN, then to whichever is not empty. */
export function localized(text: LocalizedText | string | null | undefined, language: Language): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[language] || text[DEFAULT_LANGUAGE] || text.en || '';
}

/** `localized` bound to the current UI language; the component re-renders when it changes. */
export function useLocalized(): (text: LocalizedText | string | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  return (text) => localized(text, language);
}
