import type { IsolationCase, IsolationSuite } from '../../../tests/helpers/cross-tenant.ts';
import { enableAnnouncements } from './announcement-world.ts';

/** Announcement routes: the publishers' notices and receipts, the readers' list, opening and confirming. */
export const announcementsIsolation: IsolationSuite = {
  name: 'announcements',
  async setup(_platform, owner, intruder) {
    await enableAnnouncements(owner);
    await enableAnnouncements(intruder);
    const base = `${owner.base}/announcements`;
    const created = await owner.admin.post(`${base}/manage`, {
      title: '甲县通知',
      bodyHtml: '<p>甲县</p>',
      requiresConfirmation: true,
      audience: { kind: 'county' },
    });
    if (created.statusCode !== 201) throw new Error(`notice: ${created.statusCode} ${created.body}`);
    const published = (created.json() as { id: string }).id;
    const publish = await owner.admin.post(`${base}/manage/${published}/publish`, {});
    if (publish.statusCode !== 200) throw new Error(`publish: ${publish.statusCode} ${publish.body}`);
    const draft = (await owner.admin.post(`${base}/manage`, { title: '甲县草稿', audience: { kind: 'county' } })).json() as { id: string };
    const id = { id: published };
    const draftId = { id: draft.id };
    const cases: IsolationCase[] = [
      { route: 'GET /api/t/:tenant/announcements/notices' },
      { route: 'GET /api/t/:tenant/announcements/notices/:id', params: id },
      { route: 'POST /api/t/:tenant/announcements/notices/:id/confirm', params: id, body: {} },
      { route: 'GET /api/t/:tenant/announcements/manage' },
      { route: 'POST /api/t/:tenant/announcements/manage', body: { title: '乙县通知', audience: { kind: 'county' } } },
      { route: 'GET /api/t/:tenant/announcements/manage/:id', params: id },
      { route: 'PATCH /api/t/:tenant/announcements/manage/:id', params: draftId, body: { title: '改名' } },
      { route: 'DELETE /api/t/:tenant/announcements/manage/:id', params: draftId },
      { route: 'POST /api/t/:tenant/announcements/manage/:id/publish', params: draftId, body: {} },
      { route: 'POST /api/t/:tenant/announcements/manage/:id/withdraw', params: id, body: {} },
      { route: 'GET /api/t/:tenant/announcements/manage/:id/receipts', params: id },
      { route: 'GET /api/t/:tenant/announcements/manage/:id/receipts/people', params: id },
      { route: 'POST /api/t/:tenant/announcements/manage/:id/remind', params: id, body: {} },
      { route: 'GET /api/t/:tenant/announcements/audience/roles' },
    ];
    return cases;
  },
};
