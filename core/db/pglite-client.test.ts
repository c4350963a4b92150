import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createPglite, openDatabase, type Database } from './database.ts';

describe('the embedded database answers like PostgreSQL', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase(loadConfig({}), { pglite: await createPglite() });
    await db.owner.raw('create table counted (id int)');
    await db.owner('counted').insert([{ id: 1 }, { id: 2 }, { id: 3 }]);
  });
  afterAll(() => db?.close());

  it('delete and update return the number of rows they touched', async () => {
    expect(await db.owner('counted').where({ id: 9 }).delete()).toBe(0);
    expect(await db.owner('counted').where({ id: 1 }).delete()).toBe(1);
    expect(await db.owner('counted').where({ id: 2 }).update({ id: 20 })).toBe(1);
  });

  it('dates come back as YYYY-MM-DD text and counts as numbers', async () => {
    const { rows } = await db.owner.raw(`select date '2026-02-17' as day, count(*) as n from counted`);
    expect(rows[0]).toEqual({ day: '2026-02-17', n: 2 });
  });
});
