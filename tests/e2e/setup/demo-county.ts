import type { Browser, Page } from 'playwright-core';
import { buildWebApp, startServer, type RunningServer } from '../e2e-server.ts';
import { launchBrowser } from '../e2e-browser.ts';
import { TenantApi } from '../e2e-api.ts';

/** The demo county every browser test's server starts with (tenant-config/demo/demo.json), and its admin. */
export const DEMO = { slug: 'demo', name: '示范县', login: 'admin', password: 'Admin@2026' };
/** The demo county's own staff accounts (ducha, leader, town1…) share the admin's password. */
export const DEMO_STAFF_PASSWORD = DEMO.password;

export interface DemoCounty {
  server: RunningServer;
  browser: Browser;
}

/**
 * What every browser test starts with: the web app built (when older than its sources), the real
 * server on a fresh embedded database holding the demo county, and chromium. The test's afterAll
 * closes the browser and stops the server.
 */
export async function startDemoCounty(options: { withFixtureModule?: boolean } = {}): Promise<DemoCounty> {
  buildWebApp();
  const server = await startServer(options);
  try {
    return { server, browser: await launchBrowser() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * Starts the demo county and sets it up with `setUp` (given the demo admin on the API); stops
 * the browser and server again when the set-up fails, so no server outlives the test.
 */
export async function startDemoCountyWith<T extends object = object>(
  setUp: (admin: TenantApi) => Promise<T | void>,
  options: { withFixtureModule?: boolean } = {},
): Promise<DemoCounty & { admin: TenantApi } & T> {
  const county = await startDemoCounty(options);
  try {
    const admin = await demoAdmin(county.server);
    const extra = (await setUp(admin)) ?? ({} as T);
    return { ...county, admin, ...extra };
  } catch (error) {
    await county.browser.close();
    await county.server.stop();
    throw error;
  }
}

/** The demo admin on the API, to set data up the way another admin would. */
export function demoAdmin(server: RunningServer): Promise<TenantApi> {
  return TenantApi.signIn(server.baseUrl, DEMO.slug, DEMO.login, DEMO.password);
}

/** Fills in and sends the sign-in form the page shows (the page itself is the test's). */
export async function submitSignIn(page: Page, login: string, password: string): Promise<void> {
  const form = page.getByTestId('sign-in-form');
  await form.getByRole('textbox').first().fill(login);
  await form.locator('input[type="password"]').fill(password);
  await form.getByRole('button').last().click();
}

/** Signs in on a county's sign-in page (the demo county's unless `slug`) and waits until `next` is shown. */
export async function signIn(page: Page, baseUrl: string, login: string, password: string, next: string, slug = DEMO.slug): Promise<void> {
  await page.goto(`${baseUrl}/t/${slug}/login?next=${encodeURIComponent(next)}`);
  await submitSignIn(page, login, password);
  await page.waitForURL(`${baseUrl}${next}`);
}

/** A person of the demo directory who gets a sign-in account of their own. */
export interface DemoStaff {
  /** The person's name in the demo directory. */
  person: string;
  username: string;
  password: string;
}

/**
 * Gives people of the demo directory accounts (no password change at first sign-in) and one role
 * holding `grants`, as an admin does on the accounts and roles pages. Returns their person ids.
 */
export async function giveAccounts(
  admin: TenantApi,
  staff: DemoStaff[],
  role: { name: string; grants: { permission: string; scope: 'own_unit' | 'unit_subtree' | 'tenant' }[] },
): Promise<string[]> {
  const personIds: string[] = [];
  for (const member of staff) {
    const people = await admin.call<{ items: { id: string; name: string }[] }>('GET', `/org/people?q=${encodeURIComponent(member.person)}`);
    const person = people.items.find((p) => p.name === member.person);
    if (!person) throw new Error(`${member.person} is not in the demo directory`);
    personIds.push(person.id);
    await admin.call('POST', '/users', {
      username: member.username,
      displayName: member.person,
      personId: person.id,
      password: member.password,
      mustChangePassword: false,
    });
  }
  const created = await admin.call<{ id: string }>('POST', '/roles', role);
  await admin.call('PUT', `/roles/${created.id}/members`, { personIds });
  return personIds;
}
