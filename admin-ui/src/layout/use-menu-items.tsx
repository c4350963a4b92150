import type { ReactNode } from 'react';
import { HomeOutlined, AppstoreAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useHasPermission } from '../auth/permissions';
import { useTenantSession } from '../auth/tenant-session-context';
import { useLocalized } from '../i18n/localized';
import { CORE_PAGES } from '../pages/core/core-pages';
import { moduleUis } from '../modules/registry';
import { enabledModules, useTenantModules } from '../modules/use-tenant-modules';

export interface MenuLeaf {
  /** The full web app path; also the menu key. */
  key: string;
  label: string;
  icon?: ReactNode;
}

export interface MenuGroup {
  key: string;
  label: string;
  icon?: ReactNode;
  children: MenuLeaf[];
}

export type MenuNode = MenuLeaf | MenuGroup;

/**
 * The side menu: home, the core pages the user's permissions allow, then each enabled module's
 * `manifest.menu` entries the user may see (grouped under the module when it has several).
 */
export function useMenuItems(): MenuNode[] {
  const { t } = useTranslation('shell');
  const { slug } = useTenantSession();
  const hasPermission = useHasPermission();
  const text = useLocalized();
  const modules = useTenantModules();
  const base = `/t/${slug}`;

  const core: MenuLeaf[] = CORE_PAGES.filter((page) => hasPermission(page.permission)).map((page) => ({
    key: `${base}/${page.segment}`,
    label: t(page.label),
    icon: page.icon,
  }));

  const moduleNodes: MenuNode[] = enabledModules(modules.data).flatMap((module): MenuNode[] => {
    const icons = new Map((moduleUis[module.id]?.menu ?? []).map((entry) => [entry.id, entry.icon]));
    const leaves = module.manifest.menu
      // A list of permissions: shown to holders of any one of them.
      .filter((entry) =>
        Array.isArray(entry.permission) ? entry.permission.some((p) => hasPermission(p)) : hasPermission(entry.permission),
      )
      .map((entry) => ({ key: `${base}${entry.path}`, label: text(entry.name), icon: icons.get(entry.id) ?? <AppstoreAddOutlined /> }));
    if (leaves.length === 0) return [];
    if (leaves.length === 1) return leaves;
    return [{ key: `module:${module.id}`, label: text(module.manifest.name), icon: <AppstoreAddOutlined />, children: leaves }];
  });

  return [{ key: base, label: t('menu.home'), icon: <HomeOutlined /> }, ...moduleNodes, ...core];
}

/** The leaf whose path is the longest prefix of the current path (a detail page keeps its list selected). */
export function selectedMenuKey(nodes: MenuNode[], pathname: string): string | undefined {
  const leaves = nodes.flatMap((node) => ('children' in node ? node.children : [node]));
  const matches = leaves.filter((leaf) => pathname === leaf.key || pathname.startsWith(`${leaf.key}/`));
  return matches.sort((a, b) => b.key.length - a.key.length)[0]?.key;
}
