import type { FromSchema } from 'json-schema-to-ts';
import {
  cursorQuery,
  errorResponses,
  limitQuery,
  plainName,
  responseObject,
  tenantIdParams,
  tenantParams,
  timestamp,
  uuid,
} from '../../../core/schemas/schema-kit.ts';

const nullableTimestamp = { type: ['string', 'null'], format: 'date-time' } as const;
const namedRef = responseObject({ id: uuid, name: { type: 'string' } });
const nullableNamedRef = { ...namedRef, type: ['object', 'null'] } as const;
const tags = ['announcements'];

/** Who a notice is for: the whole county, units with everything below them, or the holders of roles. */
export const audienceInput = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['county', 'units', 'roles'] },
    unitIds: { type: 'array', items: uuid, maxItems: 500, uniqueItems: true, description: 'kind units: the units (with their subtrees)' },
    roleIds: { type: 'array', items: uuid, maxItems: 100, uniqueItems: true, description: 'kind roles: the roles' },
  },
} as const;
export type AudienceInput = FromSchema<typeof audienceInput>;
export type AudienceKind = AudienceInput['kind'];

const noticeFields = {
  title: { ...plainName, maxLength: 200 },
  bodyHtml: {
    type: 'string',
    maxLength: 200_000,
    description: 'Rich text (HTML): cleaned on the server to paragraphs, headings, lists, emphasis, links and tables',
  },
  pinned: { type: 'boolean', description: 'Shown above the others in readers’ lists' },
  requiresConfirmation: { type: 'boolean', description: 'Readers confirm receipt (确认收到)' },
  sms: { type: 'boolean', description: 'Also text the audience when it is published' },
  expiresAt: { ...nullableTimestamp, description: 'Leaves readers’ lists then (stays in the publisher’s); null: never' },
  audience: audienceInput,
  attachmentIds: { type: 'array', items: uuid, maxItems: 20, uniqueItems: true, description: 'Files uploaded with POST /files' },
} as const;

const status = { type: 'string', enum: ['draft', 'published', 'withdrawn'] } as const;
export type NoticeStatus = FromSchema<typeof status>;

export const receiptCounts = responseObject({
  recipients: { type: 'integer' },
  read: { type: 'integer' },
  confirmed: { type: 'integer' },
});
export type ReceiptCounts = FromSchema<typeof receiptCounts>;

export const fileView = responseObject({
  id: uuid,
  name: { type: 'string' },
  contentType: { type: 'string' },
  sizeBytes: { type: 'integer' },
});
export type FileView = FromSchema<typeof fileView>;

/** A notice in the publishers' list. */
export const noticeSummary = responseObject({
  id: uuid,
  title: { type: 'string' },
  status,
  pinned: { type: 'boolean' },
  requiresConfirmation: { type: 'boolean' },
  expiresAt: nullableTimestamp,
  expired: { type: 'boolean' },
  audienceKind: { type: 'string', enum: ['county', 'units', 'roles'] },
  unit: nullableNamedRef,
  author: { type: ['string', 'null'] },
  createdAt: timestamp,
  updatedAt: timestamp,
  publishedAt: nullableTimestamp,
  withdrawnAt: nullableTimestamp,
  counts: receiptCounts,
});
export type NoticeSummary = FromSchema<typeof noticeSummary>;

/** A notice as its publishers edit and follow it. */
export const noticeDetail = responseObject({
  ...noticeSummary.properties,
  bodyHtml: { type: 'string' },
  sms: { type: 'boolean' },
  audience: responseObject({
    kind: { type: 'string', enum: ['county', 'units', 'roles'] },
    units: { type: 'array', items: namedRef },
    roles: { type: 'array', items: namedRef },
  }),
  attachments: { type: 'array', items: fileView },
  lastRemindedAt: nullableTimestamp,
});
export type NoticeDetail = FromSchema<typeof noticeDetail>;

/** A notice in a reader's list. */
export const readerSummary = responseObject({
  id: uuid,
  title: { type: 'string' },
  pinned: { type: 'boolean' },
  requiresConfirmation: { type: 'boolean' },
  unit: { type: ['string', 'null'], description: 'The publishing unit' },
  publishedAt: timestamp,
  expiresAt: nullableTimestamp,
  readAt: nullableTimestamp,
  confirmedAt: nullableTimestamp,
});
export type ReaderSummary = FromSchema<typeof readerSummary>;

/** A notice as its reader opens it. */
export const readerView = responseObject({
  ...readerSummary.properties,
  bodyHtml: { type: 'string' },
  attachments: { type: 'array', items: fileView },
  expired: { type: 'boolean' },
});
export type ReaderView = FromSchema<typeof readerView>;

/** The receipts of one publishing unit's notice, per recipient unit. */
export const receiptsView = responseObject({
  totals: receiptCounts,
  lastRemindedAt: nullableTimestamp,
  units: {
    type: 'array',
    items: responseObject({ unit: nullableNamedRef, path: { type: 'string' }, ...receiptCounts.properties }),
  },
});
export type ReceiptsView = FromSchema<typeof receiptsView>;

export const receiptPerson = responseObject({
  userId: uuid,
  name: { type: 'string' },
  unit: { type: ['string', 'null'] },
  readAt: nullableTimestamp,
  confirmedAt: nullableTimestamp,
});
export type ReceiptPerson = FromSchema<typeof receiptPerson>;

const page = <T extends object>(item: T) =>
  responseObject({ items: { type: 'array', items: item }, nextCursor: { type: ['string', 'null'] } });

// --- publishers (announcements.publish) ---

export const listManagedRoute = {
  tags,
  summary: 'The notices of units in the publisher’s scope (and their own), newest first, with read and confirmation counts',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { status, cursor: cursorQuery, limit: limitQuery },
  },
  response: { 200: page(noticeSummary), ...errorResponses },
} as const;
export type ListManagedQuery = FromSchema<typeof listManagedRoute.querystring>;

export const createNoticeRoute = {
  tags,
  summary: 'Writes a draft notice (the body is sanitised; attachments must be the author’s uploads)',
  params: tenantParams,
  body: { type: 'object', required: ['title', 'audience'], additionalProperties: false, properties: noticeFields },
  response: { 201: noticeDetail, ...errorResponses },
} as const;
export type NoticeInput = FromSchema<typeof createNoticeRoute.body>;

export const getManagedRoute = {
  tags,
  summary: 'A notice as its publishers see it',
  params: tenantIdParams,
  response: { 200: noticeDetail, ...errorResponses },
} as const;

export const updateNoticeRoute = {
  tags,
  summary: 'Changes a draft (409 once published: withdraw it and write another)',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, minProperties: 1, properties: noticeFields },
  response: { 200: noticeDetail, ...errorResponses },
} as const;
export type NoticeChanges = FromSchema<typeof updateNoticeRoute.body>;

export const deleteNoticeRoute = {
  tags,
  summary: 'Deletes a draft (409 once published)',
  params: tenantIdParams,
  response: { 204: { type: 'null' }, ...errorResponses },
} as const;

const emptyBody = { type: 'object', additionalProperties: false, properties: {} } as const;

export const publishNoticeRoute = {
  tags,
  summary: 'Publishes a draft: its audience becomes recipient rows and is told (inbox; SMS when the notice says so)',
  params: tenantIdParams,
  body: emptyBody,
  response: { 200: noticeDetail, ...errorResponses },
} as const;

export const withdrawNoticeRoute = {
  tags,
  summary: 'Withdraws a published notice: readers no longer see it; its receipts stay for the publisher',
  params: tenantIdParams,
  body: emptyBody,
  response: { 200: noticeDetail, ...errorResponses },
} as const;

export const receiptsRoute = {
  tags,
  summary: 'Who has read and confirmed a published notice, counted per recipient unit',
  params: tenantIdParams,
  response: { 200: receiptsView, ...errorResponses },
} as const;

export const receiptPeopleRoute = {
  tags,
  summary: 'The recipients of a notice, by unit and by state, in name order',
  params: tenantIdParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      unitId: { ...uuid, description: 'Only this recipient unit' },
      state: { type: 'string', enum: ['unread', 'read', 'unconfirmed', 'confirmed'] },
      cursor: cursorQuery,
      limit: limitQuery,
    },
  },
  response: { 200: page(receiptPerson), ...errorResponses },
} as const;
export type ReceiptPeopleQuery = FromSchema<typeof receiptPeopleRoute.querystring>;

export const remindRoute = {
  tags,
  summary: 'Reminds the recipients who have not read it (inbox, and SMS unless sms is false); each person at most once a day',
  params: tenantIdParams,
  body: { type: 'object', additionalProperties: false, properties: { sms: { type: 'boolean', default: true } } },
  response: { 200: responseObject({ reminded: { type: 'integer' }, alreadyReminded: { type: 'integer' } }), ...errorResponses },
} as const;
export type RemindInput = FromSchema<typeof remindRoute.body>;

export const audienceRolesRoute = {
  tags,
  summary: 'The county’s roles, to address a notice to (names only)',
  params: tenantParams,
  response: { 200: responseObject({ items: { type: 'array', items: namedRef } }), ...errorResponses },
} as const;

// --- readers (every signed-in user; a notice not addressed to them is a 404) ---

export const listMineRoute = {
  tags,
  summary: 'The published, unexpired notices addressed to the signed-in user: pinned first, then newest; and how many are unread',
  params: tenantParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { unread: { type: 'boolean', description: 'Only unread ones' }, cursor: cursorQuery, limit: limitQuery },
  },
  response: {
    200: responseObject({
      items: { type: 'array', items: readerSummary },
      nextCursor: { type: ['string', 'null'] },
      unreadCount: { type: 'integer' },
    }),
    ...errorResponses,
  },
} as const;
export type ListMineQuery = FromSchema<typeof listMineRoute.querystring>;

export const readNoticeRoute = {
  tags,
  summary: 'Opens a notice addressed to the signed-in user (the first opening is recorded as read)',
  params: tenantIdParams,
  response: { 200: readerView, ...errorResponses },
} as const;

export const confirmNoticeRoute = {
  tags,
  summary: 'Confirms receipt of a notice that asks for it (once; again changes nothing)',
  params: tenantIdParams,
  body: emptyBody,
  response: { 200: readerView, ...errorResponses },
} as const;
