import { accountsNamed, type RoutePlugin } from '../../../core/module-kit.ts';
import { listAccountsRoute } from '../schemas/account.schema.ts';

/** Who can be picked as an approver: names only, as the directory shows any signed-in user. */
export const accountRoutes: RoutePlugin = async (app) => {
  app.get('/accounts', { schema: listAccountsRoute }, async (request) => ({
    items: (await accountsNamed(request.db, request.query.q?.trim() ?? '', request.query.limit ?? 20)).map((a) => ({
      id: a.id,
      name: a.displayName,
      unitName: a.unitName,
    })),
  }));
};
