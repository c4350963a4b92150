import { giveAccounts, startDemoCountyWith } from './demo-county.ts';

// People of the demo county (tenant-config/demo/demo.json) whom the dispatch browser tests give
// accounts and dispatch roles, next to the demo's own accounts (ducha, leader, town1…).
export const SUPERVISOR = { person: '张伟', username: 'zhangwei', password: 'Zhang@2026' };
export const TOWN = { person: '吴敏', username: 'wumin', password: 'Wumin@2026', unit: '河西镇' };
export const VILLAGE = { person: '郑海', username: 'zhenghai', password: 'Zheng@2026', unit: '王庄村' };
/** The demo has no department account that takes requests (镇呼县应): 县政府办's director gets one. */
export const DEPARTMENT = { person: '李秀英', username: 'lixiuying', password: 'Lixy@2026', unit: '县政府办' };

/**
 * The dispatch area of the browser tests: the demo county with dispatch enabled, a supervisor
 * (任务督办员), a town and a village that handle tasks (任务办理员) and a department that answers
 * requests (部门响应员), each signing in with the password above.
 */
export function startDispatchArea() {
  return startDemoCountyWith(async (admin) => {
    await admin.call('POST', '/modules/dispatch/enable');
    await giveAccounts(admin, [SUPERVISOR], { name: '任务督办员', grants: [{ permission: 'dispatch.supervise', scope: 'tenant' }] });
    await giveAccounts(admin, [TOWN, VILLAGE], { name: '任务办理员', grants: [{ permission: 'dispatch.handle', scope: 'own_unit' }] });
    await giveAccounts(admin, [DEPARTMENT], { name: '部门响应员', grants: [{ permission: 'dispatch.request', scope: 'own_unit' }] });
  });
}
