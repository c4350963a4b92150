import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import zhCN from './zh-CN.json';
import en from './en.json';
import { DEFAULT_LANGUAGE, storedLanguage } from './languages';

dayjs.extend(relativeTime);

// dayjs and <html lang> follow the UI language; antd's locale follows in LocaleProvider.
i18n.on('languageChanged', (language) => {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
});

// Resources are bundled (two small files), so init is synchronous and the first render is translated.
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': zhCN, en },
  lng: storedLanguage() ?? DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: ['zh-CN', 'en'],
  ns: Object.keys(zhCN),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export { i18n };
