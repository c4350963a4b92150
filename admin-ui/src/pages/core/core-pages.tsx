import type { ComponentType, ReactNode } from 'react';
import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CalendarOutlined,
  CloudDownloadOutlined,
  FormOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';

export type CorePageLabel =
  'menu.org' | 'menu.roles' | 'menu.users' | 'menu.modules' | 'menu.customFields' | 'menu.audit' | 'menu.calendar' | 'menu.exports';

/** A page of the core platform inside a tenant: its address, menu label, icon and who may see it. */
export interface CorePage {
  /** Below `/t/:tenant/`. These segments cannot be module ids in the web app. */
  segment: string;
  label: CorePageLabel;
  icon: ReactNode;
  /** Hidden from the menu and refused on the page without it; none: every signed-in user. */
  permission?: string;
  load: () => Promise<ComponentType>;
}

// Permissions are those of core/auth/core-permissions.ts.
export const CORE_PAGES: CorePage[] = [
  {
    segment: 'org',
    label: 'menu.org',
    icon: <ApartmentOutlined />,
    permission: 'core.org.read',
    load: () => import('../org/org-page').then((m) => m.OrgPage),
  },
  {
    segment: 'users',
    label: 'menu.users',
    icon: <TeamOutlined />,
    permission: 'core.users.manage',
    load: () => import('../users/users-page').then((m) => m.UsersPage),
  },
  {
    segment: 'roles',
    label: 'menu.roles',
    icon: <SafetyOutlined />,
    permission: 'core.roles.manage',
    load: () => import('../roles/roles-page').then((m) => m.RolesPage),
  },
  {
    segment: 'modules',
    label: 'menu.modules',
    icon: <AppstoreOutlined />,
    permission: 'core.modules.manage',
    load: () => import('../modules/modules-page').then((m) => m.ModulesPage),
  },
  {
    segment: 'custom-fields',
    label: 'menu.customFields',
    icon: <FormOutlined />,
    permission: 'core.custom_fields.manage',
    load: () => import('../custom-fields/custom-fields-page').then((m) => m.CustomFieldsPage),
  },
  {
    segment: 'audit',
    label: 'menu.audit',
    icon: <AuditOutlined />,
    permission: 'core.audit.read',
    load: () => import('../audit/audit-page').then((m) => m.AuditPage),
  },
  // Everyone reads the working-day calendar; core.calendar.manage gates editing inside the page.
  {
    segment: 'calendar',
    label: 'menu.calendar',
    icon: <CalendarOutlined />,
    load: () => import('../calendar/calendar-page').then((m) => m.CalendarPage),
  },
  // Everyone's own exports of every module (core/exports/): the export notices link here, `?highlight=<id>`.
  {
    segment: 'exports',
    label: 'menu.exports',
    icon: <CloudDownloadOutlined />,
    load: () => import('../exports/exports-page').then((m) => m.ExportsPage),
  },
];
