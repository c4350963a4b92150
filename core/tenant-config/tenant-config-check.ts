import type { Knex } from 'knex';
import type { ModuleRegistry } from '../modules/module-registry.ts';
import type { ErrorDetail } from '../http/errors.ts';
import { prepareFragment } from '../custom-fields/custom-field-fragment.ts';
import { TenantSchemaError } from '../schemas/tenant-schema-guard.ts';
import type { TenantConfig } from './tenant-config.types.ts';
import { flattenUnits } from './file-units.ts';
import { loadModuleRows, loadPeople, loadPositions, loadUnits, loadUsers, type StateUser } from './tenant-state.ts';
import { unitIdsByRef } from './unit-refs.ts';

/**
 * Everything about a file that schema.json cannot say, checked against the file itself and the
 * tenant's current data before anything is written: duplicates, references (a person's unit and
 * position, a role's permissions and members), modules and their configs, custom-field schemas.
 * Returns every problem, each named by its JSON path in the file.
 */
export async function checkTenantConfig(
  trx: Knex.Transaction,
  registry: ModuleRegistry,
  config: TenantConfig,
  options: { prune: boolean },
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const fileUnits = flattenUnits(config.units);
  const codes = new Map<string, string>();
  const siblingNames = new Set<string>();
  for (const { unit, path, parentPath } of fileUnits) {
    if (unit.code) {
      const other = codes.get(unit.code);
      if (other) add(`${path}.code`, `is also the code of ${other}`);
      else codes.set(unit.code, path);
    }
    const key = `${parentPath ?? ''}\u0000${unit.name}`;
    if (siblingNames.has(key)) add(`${path}.name`, 'is the name of a sibling unit too');
    siblingNames.add(key);
  }

  const positions = new Set<string>();
  (config.positions ?? []).forEach((name, i) => {
    if (positions.has(name)) add(`positions[${i}]`, 'is listed twice');
    positions.add(name);
  });

  const dbUnitRefs = unitIdsByRef(await loadUnits(trx));
  const fileUnitRefs = new Set(fileUnits.flatMap(({ unit, namePath }) => (unit.code ? [unit.code, namePath] : [namePath])));
  const dbPositions = new Set((await loadPositions(trx)).map((p) => p.name));
  const phones = new Set<string>();
  (config.people ?? []).forEach((person, i) => {
    if (phones.has(person.phone)) add(`people[${i}].phone`, 'belongs to another person of the file');
    phones.add(person.phone);
    if (!fileUnitRefs.has(person.unit) && !dbUnitRefs.has(person.unit))
      add(`people[${i}].unit`, 'names no unit (a unit code, or /names/from/the/root for a unit without code)');
    if (person.position && !positions.has(person.position) && !dbPositions.has(person.position))
      add(`people[${i}].position`, 'is not a position of the file or of the tenant');
  });

  const dbPhones = new Set((await loadPeople(trx)).map((p) => p.phone));
  const permissions = new Set(registry.allPermissions().map((p) => p.id));
  const roleNames = new Set<string>();
  (config.roles ?? []).forEach((role, i) => {
    if (roleNames.has(role.name)) add(`roles[${i}].name`, 'is the name of another role of the file');
    roleNames.add(role.name);
    const granted = new Set<string>();
    role.grants.forEach((grant, j) => {
      if (!permissions.has(grant.permission)) add(`roles[${i}].grants[${j}].permission`, `unknown permission "${grant.permission}"`);
      if (granted.has(grant.permission)) add(`roles[${i}].grants[${j}].permission`, 'is granted twice');
      granted.add(grant.permission);
    });
    const members = new Set<string>();
    (role.members ?? []).forEach((phone, j) => {
      if (!phones.has(phone) && !dbPhones.has(phone))
        add(`roles[${i}].members[${j}]`, 'is the phone of no person of the file or of the tenant');
      if (members.has(phone)) add(`roles[${i}].members[${j}]`, 'is listed twice');
      members.add(phone);
    });
  });

  const users = await loadUsers(trx);
  checkAdmins(config, users, add);
  checkAccounts(config, users, await loadPeople(trx), add);
  checkModules(config, registry, new Set((await loadModuleRows(trx)).filter((m) => m.enabled).map((m) => m.module_id)), options.prune, add);
  (config.forms ?? []).forEach((_, i) =>
    add(`forms[${i}]`, 'no module applies forms from a configuration file yet (the forms module will own this section); leave it empty'),
  );
  return problems;
}

function checkAdmins(
  config: TenantConfig,
  users: { username: string; phone: string | null }[],
  add: (path: string, message: string) => void,
): void {
  const admins = config.admins ?? [];
  const usernames = new Set<string>();
  const phones = new Map<string, string>();
  admins.forEach((admin, i) => {
    if (usernames.has(admin.username)) add(`admins[${i}].username`, 'is listed twice');
    usernames.add(admin.username);
    if (!admin.phone) return;
    if (phones.has(admin.phone)) add(`admins[${i}].phone`, `is also the phone of ${phones.get(admin.phone)}`);
    phones.set(admin.phone, `admins[${i}]`);
    const holder = users.find((u) => u.phone === admin.phone && u.username !== admin.username);
    if (holder) add(`admins[${i}].phone`, `is the phone of the account "${holder.username}"`);
  });
}

/**
 * People's own accounts: a username once in the file (admins included), and an existing account
 * of that name must be a staff account that is free or already this person's.
 */
function checkAccounts(
  config: TenantConfig,
  users: StateUser[],
  people: { id: string; phone: string }[],
  add: (path: string, message: string) => void,
): void {
  const taken = new Set((config.admins ?? []).map((a) => a.username));
  const personIdByPhone = new Map(people.map((p) => [p.phone, p.id]));
  (config.people ?? []).forEach((person, i) => {
    if (!person.account) return;
    const path = `people[${i}].account`;
    if (taken.has(person.account)) add(path, "is listed twice (as an admin or another person's account)");
    taken.add(person.account);
    const existing = users.find((u) => u.username === person.account);
    if (!existing) return;
    if (existing.is_tenant_admin) add(path, `is the username of an admin account`);
    else if (existing.person_id && existing.person_id !== personIdByPhone.get(person.phone)) add(path, `is the account of another person`);
  });
}

function checkModules(
  config: TenantConfig,
  registry: ModuleRegistry,
  enabledNow: Set<string>,
  prune: boolean,
  add: (path: string, message: string) => void,
): void {
  const listed = new Set<string>();
  const modules = config.modules ?? [];
  modules.forEach((module, i) => {
    if (listed.has(module.id)) add(`modules[${i}].id`, 'is listed twice');
    listed.add(module.id);
  });
  modules.forEach((module, i) => {
    if (!registry.has(module.id)) return add(`modules[${i}].id`, `no module "${module.id}" is installed`);
    for (const dependency of registry.get(module.id).manifest.dependsOn) {
      // With --prune, modules absent from the file are disabled: a dependency must be in the file.
      if (!listed.has(dependency) && (prune || !enabledNow.has(dependency)))
        add(`modules[${i}].id`, `depends on "${dependency}", which the file does not enable`);
    }
    const result = registry.validateConfig(module.id, module.config ?? {});
    if (!result.ok) for (const detail of result.details) add(detail.path.replace(/^body\.config/, `modules[${i}].config`), detail.message);
    if (module.data !== undefined)
      for (const problem of registry.validateConfigData(module.id, module.data, `modules[${i}].data`)) add(problem.path, problem.message);
  });
  const sets = new Set<string>();
  (config.customFields ?? []).forEach((set, i) => {
    const path = `customFields[${i}]`;
    const key = `${set.module}/${set.recordType}`;
    if (sets.has(key)) add(path, `lists ${key} twice`);
    sets.add(key);
    if (!registry.has(set.module)) return add(`${path}.module`, `no module "${set.module}" is installed`);
    if (!listed.has(set.module) && (prune || !enabledNow.has(set.module))) add(`${path}.module`, 'is a module the file does not enable');
    if (!registry.get(set.module).manifest.recordTypes.some((t) => t.id === set.recordType))
      add(`${path}.recordType`, `module "${set.module}" has no record type "${set.recordType}"`);
    try {
      prepareFragment(set.schema, set.uiSchema ?? {}, path);
    } catch (error) {
      if (!(error instanceof TenantSchemaError)) throw error;
      for (const problem of error.problems) add(problem.path, problem.message);
    }
  });
}
