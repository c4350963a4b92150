import { useEffect, type ReactNode } from 'react';
import { ConfigProvider, App as AntApp } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { useLanguage } from './use-language';

/** antd follows the UI language (its built-in texts, date pickers); `App` gives message/modal a context. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [language] = useLanguage();
  const { t } = useTranslation();
  const title = t('appName');
  // The tab title is visible text too.
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    // No space forced between two Chinese characters in buttons ("登 录"): plain "登录" reads right.
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
