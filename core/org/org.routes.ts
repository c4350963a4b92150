import type { FastifyPluginAsync } from 'fastify';
import { unitRoutes } from './unit.routes.ts';
import { positionRoutes } from './position.routes.ts';
import { personRoutes } from './person.routes.ts';
import { orgImportRoutes } from './org-import.routes.ts';

/** The org directory (通讯录) under `/api/t/:tenant/org`: units, positions, people, spreadsheet import. */
export const orgRoutes: FastifyPluginAsync = async (scope) => {
  await scope.register(unitRoutes, { prefix: '/org' });
  await scope.register(positionRoutes, { prefix: '/org' });
  await scope.register(personRoutes, { prefix: '/org' });
  await scope.register(orgImportRoutes, { prefix: '/org' });
};
