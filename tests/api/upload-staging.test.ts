import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng, uploadFile } from '../helpers/multipart.ts';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';

describe('partial uploads a crash left behind', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let stagingDir: string;
  const leftovers = ['3f1c0b9e-partial-upload', 'another-partial'];

  beforeAll(async () => {
    platform = await TestPlatform.start({
      configure: (config) => {
        // What a crash in the middle of two uploads leaves: half-written files, from before this start.
        stagingDir = path.join(config.dataDir, 'files', '.staging');
        fs.mkdirSync(stagingDir, { recursive: true });
        const beforeStart = new Date(performance.timeOrigin - 60_000);
        for (const name of leftovers) {
          fs.writeFileSync(path.join(stagingDir, name), Buffer.alloc(4096, 7));
          fs.utimesSync(path.join(stagingDir, name), beforeStart, beforeStart);
        }
        return config;
      },
    });
    county = await platform.createTenant('staging-county');
  });
  afterAll(() => platform?.stop());

  it('are removed when the server starts, and uploads work as before', async () => {
    expect(fs.readdirSync(stagingDir)).toEqual([]);
    const upload = await uploadFile(county.admin, county.base, 'photo.png', tinyPng(), 'image/png');
    expect(upload.statusCode).toBe(201);
    expect(fs.readdirSync(stagingDir)).toEqual([]);
  });

  it('the hourly sweep removes what has been untouched for an hour and leaves an upload in progress alone', async () => {
    const store = platform.app.platform.files;
    const stale = path.join(stagingDir, 'stale-partial');
    const live = path.join(stagingDir, 'upload-in-progress');
    fs.writeFileSync(stale, 'x');
    fs.writeFileSync(live, 'y');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
    expect(await store.sweepStaging(60 * 60 * 1000)).toBe(1);
    expect(fs.readdirSync(stagingDir)).toEqual(['upload-in-progress']);
  });
});
