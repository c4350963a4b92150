import type { TenantApi } from '../e2e-api.ts';
import { giveAccounts, startDemoCountyWith } from './demo-county.ts';

/** Two village secretaries of the demo county (tenant-config/demo/demo.json) who fill in forms in the browser tests. */
export const FILLERS = [
  { person: '赵春梅', village: '东关村', username: 'zhaocm', password: 'Zhao@2026' },
  { person: '郑海', village: '王庄村', username: 'zhenghai', password: 'Zheng@2026' },
];

/** Gives the fillers accounts and the role 村级填报员 (forms.submit in their own village); forms must be enabled. Their person ids. */
export function giveFillers(admin: TenantApi): Promise<string[]> {
  return giveAccounts(admin, FILLERS, { name: '村级填报员', grants: [{ permission: 'forms.submit', scope: 'own_unit' }] });
}

/** The forms area of the browser tests: the demo county with forms enabled and its fillers (`fillerIds`, in FILLERS' order). */
export function startFormsArea() {
  return startDemoCountyWith(async (admin) => {
    await admin.call('POST', '/modules/forms/enable');
    return { fillerIds: await giveFillers(admin) };
  });
}
