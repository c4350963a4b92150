import {
  AimOutlined,
  ApartmentOutlined,
  ApiOutlined,
  BankOutlined,
  BarChartOutlined,
  BorderOutlined,
  CameraOutlined,
  HomeOutlined,
  InboxOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ModuleUi } from '../../../admin-ui/src/module-kit';

/**
 * The grid-events module's pages (see modules/grid-events/README.md): staff pages under
 * `/t/:tenant/grid-events/`, and the citizens' pages, without sign-in, under
 * `/public/t/:tenant/grid-events/` (`report`, `track/:code`).
 */
export const gridEventsUi: ModuleUi = {
  routes: [
    { path: 'report', load: () => import('./pages/report-page'), permission: 'grid-events.report' },
    { path: 'queue', load: () => import('./pages/queue-page'), permission: 'grid-events.handle' },
    { path: 'events', load: () => import('./pages/event-list-page') },
    { path: 'events/:id', load: () => import('./pages/event-detail-page') },
    { path: 'map', load: () => import('./pages/map-page') },
    { path: 'categories', load: () => import('./pages/categories-page'), permission: 'grid-events.manage' },
    { path: 'grids', load: () => import('./pages/grids-page'), permission: 'grid-events.manage' },
    { path: 'visits', load: () => import('./pages/visits-page') },
    { path: 'buildings', load: () => import('./pages/buildings-page') },
    { path: 'buildings/:id', load: () => import('./pages/building-page') },
    { path: 'stats', load: () => import('./pages/stats-page') },
    { path: 'open311', load: () => import('./pages/open311-page'), permission: 'grid-events.manage' },
  ],
  publicRoutes: [
    { path: 'report', load: () => import('./public/public-report-page') },
    { path: 'track', load: () => import('./public/public-track-page') },
    { path: 'track/:code', load: () => import('./public/public-track-page') },
  ],
  menu: [
    { id: 'report', icon: <CameraOutlined /> },
    { id: 'queue', icon: <InboxOutlined /> },
    { id: 'events', icon: <UnorderedListOutlined /> },
    { id: 'map', icon: <AimOutlined /> },
    { id: 'categories', icon: <ApartmentOutlined /> },
    { id: 'grids', icon: <BorderOutlined /> },
    { id: 'visits', icon: <HomeOutlined /> },
    { id: 'buildings', icon: <BankOutlined /> },
    { id: 'stats', icon: <BarChartOutlined /> },
    { id: 'open311', icon: <ApiOutlined /> },
  ],
};
