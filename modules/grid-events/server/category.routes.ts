import { audit, moduleContext, type RoutePlugin } from '../../../core/module-kit.ts';
import { createCategoryRoute, deleteCategoryRoute, listCategoriesRoute, updateCategoryRoute } from '../schemas/category.schema.ts';
import { createCategory, deleteCategory, findCategory, listCategories, toCategoryView, updateCategory } from './category.service.ts';
import { ANY_GRID_PERMISSION, PERMISSION } from './permissions.ts';

/** Event categories (事件分类): everyone who reports or handles reads them; managers keep them. */
export const categoryRoutes: RoutePlugin = async (app) => {
  app.get('/categories', { schema: listCategoriesRoute, config: { permission: ANY_GRID_PERMISSION } }, async (request) => ({
    items: (await listCategories(request.db, request.query.includeInactive ?? false)).map(toCategoryView),
  }));

  app.post('/categories', { schema: createCategoryRoute, config: { permission: PERMISSION.manage } }, async (request, reply) => {
    const id = await createCategory(moduleContext(request), request.body);
    await audit(request, { action: 'grid-events.category.create', recordType: 'grid_category', recordId: id, data: request.body });
    return reply.status(201).send(toCategoryView(await findCategory(request.db, id)));
  });

  app.patch('/categories/:id', { schema: updateCategoryRoute, config: { permission: PERMISSION.manage } }, async (request) => {
    await updateCategory(moduleContext(request), request.params.id, request.body);
    await audit(request, {
      action: 'grid-events.category.update',
      recordType: 'grid_category',
      recordId: request.params.id,
      data: request.body,
    });
    return toCategoryView(await findCategory(request.db, request.params.id));
  });

  app.delete('/categories/:id', { schema: deleteCategoryRoute, config: { permission: PERMISSION.manage } }, async (request, reply) => {
    await deleteCategory(request.db, request.params.id);
    await audit(request, { action: 'grid-events.category.delete', recordType: 'grid_category', recordId: request.params.id });
    return reply.status(204).send(null);
  });
};
