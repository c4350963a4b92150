import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A signed-in (or anonymous) browser against the app: keeps its cookies and sends the CSRF
 * token on mutations, as the web app does. Requests go through HTTP routing via `inject`.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const options: InjectOptions = { method, url, headers: { ...headers } };
    if (body !== undefined) options.payload = body as InjectOptions['payload'];
    if (this.cookies.size > 0) options.headers!.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in headers)) options.headers!['x-csrf-token'] = this.csrfToken;
    const response = await this.app.inject(options);
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date }[]) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now())) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, undefined, headers);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body ?? {}, headers);
  }
  put(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, body ?? {}, headers);
  }
  patch(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, body ?? {}, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.request('DELETE', url, undefined, headers);
  }

  /** Signs in to a tenant; throws unless it succeeds. */
  async loginTenant(slug: string, login: string, password: string): Promise<this> {
    const response = await this.post(`/api/t/${slug}/auth/login`, { login, password });
    if (response.statusCode !== 200) throw new Error(`login ${login}@${slug} failed: ${response.statusCode} ${response.body}`);
    this.csrfToken = response.json().csrfToken;
    return this;
  }

  async loginOperator(username: string, password: string): Promise<this> {
    const response = await this.post('/api/platform/auth/login', { login: username, password });
    if (response.statusCode !== 200) throw new Error(`operator login failed: ${response.statusCode} ${response.body}`);
    this.csrfToken = response.json().csrfToken;
    return this;
  }

  /** Copies this client's session cookie into a raw Cookie header (for replaying elsewhere). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
