import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage, type Language } from '../i18n/languages';
import { useLanguage } from '../i18n/use-language';

/**
 * 中文 / English; the choice is remembered on this browser. Signed in, `onChosen` also saves it
 * for the account (the server writes notifications and SMS in it).
 */
export function LanguageSwitch({ compact = false, onChosen }: { compact?: boolean; onChosen?: (language: Language) => void }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((lng) => ({ key: lng, label: t(`language.${lng}`) })),
        onClick: ({ key }) => {
          if (!isLanguage(key)) return;
          setLanguage(key);
          onChosen?.(key);
        },
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('language.label')} data-testid="language-switch">
        {compact ? null : t(`language.${language}`)}
      </Button>
    </Dropdown>
  );
}
