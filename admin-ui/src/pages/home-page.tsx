import { Button, Divider, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CenteredPage } from '../components/centered-page';

// core/schemas/common.schema.ts: tenantSlug.
const SLUG_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

/**
 * `/`: shows nothing of any tenant (the list of counties is not public). Staff type their
 * county's address, or follow the address their admin gave them, `/t/<county>/login`.
 */
export function HomePage() {
  const { t } = useTranslation('pages');
  const navigate = useNavigate();
  return (
    <CenteredPage title={t('home.title')} subtitle={t('home.description')}>
      <Form<{ slug: string }>
        layout="vertical"
        requiredMark={false}
        onFinish={({ slug }) => void navigate(`/t/${slug.trim().toLowerCase()}/login`)}
      >
        <Form.Item
          name="slug"
          label={t('home.tenantLabel')}
          extra={t('home.tenantHint')}
          rules={[
            { required: true, message: t('home.tenantRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value || SLUG_PATTERN.test(value.trim().toLowerCase())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('home.tenantInvalid'))),
            },
          ]}
        >
          <Input prefix="/t/" placeholder="demo" autoCapitalize="none" autoCorrect="off" spellCheck={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          {t('home.go')}
        </Button>
      </Form>
      <Divider />
      <Typography.Paragraph style={{ textAlign: 'center', marginBottom: 0 }}>
        <Link to="/platform/login">{t('home.operator')}</Link>
      </Typography.Paragraph>
    </CenteredPage>
  );
}
