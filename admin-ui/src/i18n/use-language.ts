import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, storeLanguage, type Language } from './languages';

/** The current UI language and a setter that also remembers the choice on this browser. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  const choose = (next: Language) => {
    storeLanguage(next);
    void i18n.changeLanguage(next);
  };
  return [language, choose];
}
