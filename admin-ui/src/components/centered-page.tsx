import type { ReactNode } from 'react';
import { Card, Flex, Typography, theme } from 'antd';
import { LanguageSwitch } from '../layout/language-switch';

/** Pages before sign-in: one card in the middle, the language switch in the corner. */
export function CenteredPage({ title, subtitle, children }: { title: ReactNode; subtitle?: ReactNode; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex vertical style={{ minHeight: '100vh', background: token.colorBgLayout }}>
      <Flex justify="flex-end" style={{ padding: 8 }}>
        <LanguageSwitch />
      </Flex>
      <Flex justify="center" align="flex-start" style={{ flex: 1, padding: '5vh 12px' }}>
        <Card style={{ width: '100%', maxWidth: 400 }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
          {children}
        </Card>
      </Flex>
    </Flex>
  );
}
