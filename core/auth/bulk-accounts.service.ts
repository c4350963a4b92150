import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { auditTenant, type TenantContext } from './tenant-context.ts';
import { badRequest, conflict, type ErrorDetail } from '../http/errors.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import { queueDirectSms } from '../notify/sms-outbox.ts';
import { coreMessages, coreText } from '../notify/core-messages.ts';
import { containsPattern } from '../db/like.ts';
import { whereInScope } from './permissions.ts';
import { initialPassword } from './initial-password.ts';
import { UserService } from './user.service.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

export type PasswordDelivery = 'sms' | 'sheet';

export interface BulkAccountsInput {
  personIds: string[];
  delivery: PasswordDelivery;
}

/** Where the accounts are for: the county's name and sign-in path go into each SMS. */
export interface AccountsTenant {
  name: string;
  slug: string;
  locale: string;
  /** `https://host` the admin works on (their browser's Origin), for a full sign-in link; '' when unknown. */
  origin: string;
}

interface PersonRow {
  id: string;
  name: string;
  phone: string;
  unit_name: string;
  user_id: string | null;
  username: string | null;
}

/**
 * Accounts for many people of the directory at once: each gets an account whose login is their
 * mobile number, a random initial password that must be changed at first sign-in, and the
 * password by SMS or on a sheet the admin prints (returned once, never stored in clear).
 * Each account is made by `UserService.create`, exactly as a single one; people who already
 * have an account are skipped and listed. All or nothing: one problem and nobody gets one.
 */
export async function createAccountsForPeople(ctx: TenantContext, jobs: JobRunner, tenant: AccountsTenant, input: BulkAccountsInput) {
  const people = await peopleWithAccounts(ctx.trx, input.personIds);
  const byId = new Map(people.map((p) => [p.id, p]));
  const problems: ErrorDetail[] = [];
  input.personIds.forEach((id, i) => {
    const person = byId.get(id);
    if (!person) problems.push({ path: `body.personIds[${i}]`, message: 'no such person' });
    else if (!person.user_id && !person.phone)
      problems.push({ path: `body.personIds[${i}]`, message: `${person.name} has no phone number to sign in with` });
  });
  if (problems.length) throw badRequest(CORE_ERRORS.ACCOUNTS_PEOPLE_INVALID, 'Some people cannot get an account', problems);

  const skipped = people.filter((p) => p.user_id).map((p) => ({ personId: p.id, name: p.name, username: p.username as string }));
  const toCreate = input.personIds.map((id) => byId.get(id) as PersonRow).filter((p) => !p.user_id);
  await refuseTakenLogins(ctx.trx, toCreate, input.personIds);

  const users = new UserService(ctx);
  const created = [];
  for (const person of toCreate) {
    const password = initialPassword();
    const user = await users.create({
      username: person.phone,
      displayName: person.name,
      phone: person.phone,
      personId: person.id,
      password,
      mustChangePassword: true,
    });
    created.push({
      userId: user.id,
      personId: person.id,
      name: person.name,
      unitName: person.unit_name,
      username: user.username,
      password,
    });
  }

  const smsIds =
    input.delivery === 'sms'
      ? await queueDirectSms(
          ctx.trx,
          jobs,
          ctx.tenantId,
          created.map((a) => ({
            phone: a.username,
            body: passwordSms(tenant, a.username, a.password),
            dedupeKey: `initial-password:${a.userId}`,
          })),
        )
      : [];
  const batchId = uuidv7();
  await auditTenant(ctx, {
    action: 'users.bulk_create',
    recordType: 'user_batch',
    recordId: batchId,
    data: { delivery: input.delivery, created: created.map((a) => a.username), skipped: skipped.map((s) => s.username) },
  });
  return {
    delivery: input.delivery,
    smsQueued: smsIds.length,
    // The sheet is the only place the passwords ever appear; by SMS they go to the phones alone.
    created: created.map(({ password, ...account }) => ({ ...account, initialPassword: input.delivery === 'sheet' ? password : null })),
    skipped,
  };
}

/**
 * People of the directory with their account (if any), for picking whom to give one: the given
 * unit (and below it, when asked), or by name or phone; at most `limit`.
 */
export async function accountCandidates(
  trx: Knex.Transaction,
  filter: { unitId?: string; includeSubunits?: boolean; q?: string; withoutAccount?: boolean; limit: number },
) {
  const query = personQuery(trx)
    .orderBy([{ column: 'u.path' }, { column: 'p.sort' }, { column: 'p.name' }])
    .limit(filter.limit + 1);
  if (filter.unitId) {
    const unit = await trx('core_unit').where({ id: filter.unitId }).first('id', 'path');
    if (!unit) throw badRequest(CORE_ERRORS.UNIT_NOT_FOUND, 'No such unit', [{ path: 'querystring.unitId', message: 'no such unit' }]);
    whereInScope(
      query,
      'p.unit_id',
      filter.includeSubunits
        ? { kind: 'unit_subtree', unitId: unit.id, unitPath: unit.path }
        : { kind: 'own_unit', unitId: unit.id, unitPath: unit.path },
      trx,
    );
  }
  if (filter.q) {
    const like = containsPattern(filter.q);
    query.where((q) => q.whereILike('p.name', like).orWhereLike('p.phone', like));
  }
  if (filter.withoutAccount) query.whereNull('a.id');
  const rows: PersonRow[] = await query;
  return {
    items: rows.slice(0, filter.limit).map((r) => ({
      personId: r.id,
      name: r.name,
      phone: r.phone,
      unitName: r.unit_name,
      account: r.user_id ? { id: r.user_id, username: r.username as string } : null,
    })),
    truncated: rows.length > filter.limit,
  };
}

function personQuery(trx: Knex.Transaction) {
  return trx('core_person as p')
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'p.tenant_id').andOn('u.id', 'p.unit_id');
    })
    .leftJoin('core_user as a', function joinAccount() {
      this.on('a.tenant_id', 'p.tenant_id').andOn('a.person_id', 'p.id');
    })
    .select('p.id', 'p.name', 'p.phone', 'u.name as unit_name', 'a.id as user_id', 'a.username');
}

async function peopleWithAccounts(trx: Knex.Transaction, personIds: string[]): Promise<PersonRow[]> {
  const rows: PersonRow[] = await personQuery(trx).whereIn('p.id', personIds);
  // A person linked to two accounts appears twice: one account is enough to skip them.
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/** A phone already used as another account's login or phone: that account must be linked, not doubled. */
async function refuseTakenLogins(trx: Knex.Transaction, people: PersonRow[], personIds: string[]): Promise<void> {
  if (people.length === 0) return;
  const phones = people.map((p) => p.phone);
  const taken: { username: string; phone: string | null }[] = await trx('core_user')
    .where((q) => q.whereIn('username', phones).orWhereIn('phone', phones))
    .select('username', 'phone');
  const problems = people.flatMap((p) => {
    const holder = taken.find((t) => t.username === p.phone || t.phone === p.phone);
    return holder
      ? [
          {
            path: `body.personIds[${personIds.indexOf(p.id)}]`,
            message: `${p.phone} is already used by the account "${holder.username}": link that account to ${p.name} instead`,
          },
        ]
      : [];
  });
  if (problems.length) throw conflict(CORE_ERRORS.ACCOUNTS_LOGIN_TAKEN, 'Some phone numbers already belong to other accounts', problems);
}

function passwordSms(tenant: AccountsTenant, username: string, password: string): string {
  return coreText(
    coreMessages.message('accounts.initialPassword', {
      county: tenant.name,
      username,
      password,
      signInUrl: `${tenant.origin}/t/${tenant.slug}/login`,
    }),
    tenant.locale,
  );
}
