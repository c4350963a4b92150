import { expect } from 'vitest';

/** A signed-in tenant API client for setting up data the way another admin would (cookie + CSRF token). */
export class TenantApi {
  private constructor(
    private readonly base: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(baseUrl: string, slug: string, login: string, password: string): Promise<TenantApi> {
    const base = `${baseUrl}/api/t/${slug}`;
    const response = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return new TenantApi(base, cookie, csrfToken);
  }

  async call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrfToken };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    // A 204 (a deletion) has no body.
    return (text ? JSON.parse(text) : null) as T;
  }
}
