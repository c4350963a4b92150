import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { selectedMenuKey, useMenuItems } from './use-menu-items';

/** The tenant's navigation; `onNavigate` lets the phone drawer close after a choice. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const nodes = useMenuItems();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const selected = selectedMenuKey(nodes, pathname);
  const openGroups = nodes
    .filter((node) => 'children' in node && node.children.some((leaf) => leaf.key === selected))
    .map((node) => node.key);

  const items: MenuProps['items'] = nodes.map((node) =>
    'children' in node
      ? {
          key: node.key,
          label: node.label,
          icon: node.icon,
          children: node.children.map((leaf) => ({ key: leaf.key, label: leaf.label, icon: leaf.icon })),
        }
      : { key: node.key, label: node.label, icon: node.icon },
  );

  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={openGroups}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
