import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A page whose content is not built yet: its title and an honest empty state. */
export function PagePlaceholder({ title }: { title: string }) {
  const { t } = useTranslation('pages');
  return (
    <>
      <Typography.Title level={3}>{title}</Typography.Title>
      <Empty description={t('placeholder.empty')} style={{ marginTop: 48 }} />
    </>
  );
}
