import type { ReactNode } from 'react';
import { Flex, theme } from 'antd';
import { LanguageSwitch } from './language-switch';

/**
 * The layout of pages anyone may open without signing in (a module's public pages): phone-first,
 * one column at most 640 px wide, the language switch in the corner and nothing of the signed-in
 * app — no menu, no account, no county data the page did not ask for.
 */
export function PublicShell({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex vertical style={{ minHeight: '100vh', background: token.colorBgLayout }} data-testid="public-shell">
      <Flex justify="flex-end" style={{ padding: '4px 8px' }}>
        <LanguageSwitch />
      </Flex>
      <Flex justify="center" style={{ flex: 1, padding: '0 8px 24px' }}>
        <main style={{ width: '100%', maxWidth: 640 }}>{children}</main>
      </Flex>
    </Flex>
  );
}
