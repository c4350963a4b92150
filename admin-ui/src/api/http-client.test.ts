import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tenantScope } from './api-scope';
import { setCsrfToken } from './csrf-token-store';
import { apiRequest, setUnauthorizedHandler } from './http-client';
import { newIdempotencyKey } from './idempotency-key';
import { uploadFile } from './files.api';

/**
 * The web app's one API client, as modules use it: extra headers, multipart bodies, and the
 * Idempotency-Key of an attempt (made and kept by the client, not the page).
 */
const scope = tenantScope('demo');
type Sent = { url: string; method: string; headers: Record<string, string>; body: unknown };
let sent: Sent[];
let answers: (() => Response)[];

const json = (status: number, body: unknown) => () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const lost = () => {
  throw new TypeError('Failed to fetch');
};

beforeEach(() => {
  sent = [];
  answers = [];
  setCsrfToken(scope, 'csrf-1');
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body });
    const answer = answers.shift();
    if (!answer) throw new Error('no answer queued');
    return answer();
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => {});
});

const createTask = (title: string) => apiRequest(scope, '/dispatch/tasks', { method: 'POST', body: { title }, idempotent: true });
const keyOf = (i: number) => sent[i].headers['idempotency-key'];

describe('apiRequest', () => {
  it('sends extra headers beside its own, and the CSRF token on a mutation', async () => {
    answers.push(json(200, { ok: true }));
    await apiRequest(scope, '/things', { method: 'POST', body: { a: 1 }, headers: { 'x-extra': 'yes' } });
    expect(sent[0].headers).toMatchObject({
      accept: 'application/json',
      'content-type': 'application/json',
      'x-extra': 'yes',
      'x-csrf-token': 'csrf-1',
    });
    expect(sent[0].body).toBe('{"a":1}');
  });

  it('sends a FormData body as it is, leaving its content type to the browser', async () => {
    answers.push(json(201, { id: 'f1', name: 'a.png', contentType: 'image/png', sizeBytes: 3 }));
    const uploaded = await uploadFile('demo', new File(['abc'], 'a.png', { type: 'image/png' }));
    expect(uploaded.id).toBe('f1');
    expect(sent[0]).toMatchObject({ url: '/api/t/demo/files', method: 'POST' });
    expect(sent[0].body).toBeInstanceOf(FormData);
    expect((sent[0].body as FormData).get('file')).toBeInstanceOf(File);
    expect(sent[0].headers['content-type']).toBeUndefined();
    expect(sent[0].headers['x-csrf-token']).toBe('csrf-1');
  });

  it('sends an upload refused for an expired session to sign-in, like every other call', async () => {
    const expired = vi.fn();
    setUnauthorizedHandler(expired);
    answers.push(json(401, { error: { code: 'AUTH_REQUIRED', message: 'Sign in' } }));
    await expect(uploadFile('demo', new File(['abc'], 'a.png'))).rejects.toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
    expect(expired).toHaveBeenCalledWith(scope);
  });

  it('repeats the Idempotency-Key of a create whose answer was lost, and of one refused', async () => {
    answers.push(lost, json(409, { error: { code: 'BUSY', message: 'busy' } }), json(201, { id: 't1' }));
    await expect(createTask('Roads')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    await expect(createTask('Roads')).rejects.toMatchObject({ code: 'BUSY' });
    await createTask('Roads');
    expect(keyOf(0)).toMatch(/^[0-9a-f-]{36}$/);
    expect(keyOf(1)).toBe(keyOf(0));
    expect(keyOf(2)).toBe(keyOf(0));
  });

  it('makes a new key for the same create after a success, and for a changed one', async () => {
    answers.push(json(201, { id: 't1' }), json(201, { id: 't2' }), lost, json(201, { id: 't3' }));
    await createTask('Bridges');
    await createTask('Bridges');
    await expect(createTask('Bridges')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    await createTask('Bridges, corrected');
    expect(new Set([keyOf(0), keyOf(1), keyOf(2), keyOf(3)]).size).toBe(4);
  });

  it('sends no Idempotency-Key unless asked', async () => {
    answers.push(json(200, {}));
    await apiRequest(scope, '/dispatch/tasks/1', { method: 'PATCH', body: { title: 'x' } });
    expect(sent[0].headers['idempotency-key']).toBeUndefined();
  });
});

describe('newIdempotencyKey', () => {
  it('makes v4-shaped keys, also where crypto.randomUUID is missing (plain http on a LAN)', () => {
    const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const a = newIdempotencyKey();
    expect(a).toMatch(shape);
    expect(newIdempotencyKey()).not.toBe(a);
    const { getRandomValues } = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: getRandomValues.bind(globalThis.crypto) });
    expect(newIdempotencyKey()).toMatch(shape);
  });
});
