import { audit, moduleActor, type RoutePlugin, scopeOf } from '../../../core/module-kit.ts';
import { followRoute, getFollowRoute, listFollowingRoute, unfollowRoute } from '../schemas/follow.schema.ts';
import { followedTasks, followTask, isFollowing, unfollowTask } from './follow.service.ts';
import { taskAccess } from './task-access.ts';

/** Following (关注) tasks: anyone who can see a task may follow it and hear of its updates. */
export const followRoutes: RoutePlugin = async (app) => {
  app.get('/tasks/:id/follow', { schema: getFollowRoute }, async (request) => {
    const access = await taskAccess(request, request.params.id);
    return { following: await isFollowing(request.db, access.task.id, access.actor.userId) };
  });

  app.put('/tasks/:id/follow', { schema: followRoute }, async (request) => {
    const access = await taskAccess(request, request.params.id);
    if (!(await isFollowing(request.db, access.task.id, access.actor.userId))) {
      await followTask(request.db, request.tenant.id, access.task.id, access.actor.userId);
      await audit(request, { action: 'dispatch.task.follow', recordType: 'dispatch_task', recordId: access.task.id });
    }
    return { following: true };
  });

  app.delete('/tasks/:id/follow', { schema: unfollowRoute }, async (request) => {
    const access = await taskAccess(request, request.params.id);
    if (await isFollowing(request.db, access.task.id, access.actor.userId)) {
      await unfollowTask(request.db, access.task.id, access.actor.userId);
      await audit(request, { action: 'dispatch.task.unfollow', recordType: 'dispatch_task', recordId: access.task.id });
    }
    return { following: false };
  });

  app.get('/following', { schema: listFollowingRoute }, async (request) => {
    const viewer = {
      actor: await moduleActor(request),
      supervise: await scopeOf(request, 'dispatch.supervise'),
      instruct: await scopeOf(request, 'dispatch.instruct'),
      handle: await scopeOf(request, 'dispatch.handle'),
    };
    return followedTasks(request.db, viewer, request.query);
  });
};
