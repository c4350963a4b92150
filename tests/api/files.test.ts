import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform, type TestTenant } from '../helpers/test-platform.ts';
import { multipartBody, tinyPdf, tinyPng, uploadFile } from '../helpers/multipart.ts';

const UPLOAD_LIMIT = 64 * 1024;

describe('files: upload, type checks, storage and download', () => {
  let platform: TestPlatform;
  let county: TestTenant;
  let other: TestTenant;

  const filesRoot = () => path.join(platform.config.dataDir, 'files');
  const storedFiles = (tenantId: string) =>
    fs
      .readdirSync(path.join(filesRoot(), tenantId), { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  const staged = () => (fs.existsSync(path.join(filesRoot(), '.staging')) ? fs.readdirSync(path.join(filesRoot(), '.staging')) : []);
  const rowCount = async (tenantId: string) => (await platform.ownerQuery('core_file').where({ tenant_id: tenantId })).length;

  /** Runs `refused` and checks that it left no row, no stored file and no staged file behind. */
  async function expectNothingStored(refused: () => Promise<void>) {
    const rowsBefore = await rowCount(county.id);
    const filesBefore = fs.existsSync(path.join(filesRoot(), county.id)) ? storedFiles(county.id) : [];
    await refused();
    expect(await rowCount(county.id)).toBe(rowsBefore);
    expect(fs.existsSync(path.join(filesRoot(), county.id)) ? storedFiles(county.id) : []).toEqual(filesBefore);
    expect(staged()).toEqual([]);
  }

  beforeAll(async () => {
    platform = await TestPlatform.start({ configure: (config) => ({ ...config, uploadLimitBytes: UPLOAD_LIMIT }) });
    county = await platform.createTenant('yanggu', '阳谷县');
    other = await platform.createTenant('shenxian', '莘县');
  });
  afterAll(() => platform?.stop());

  it('stores a PNG under the tenant and file id and gives back the identical bytes, inline, with nosniff', async () => {
    const png = tinyPng(3);
    const upload = await uploadFile(county.admin, county.base, '现场照片.png', png, 'image/png');
    expect(upload.statusCode).toBe(201);
    const file = upload.json();
    expect(file).toMatchObject({
      name: '现场照片.png',
      contentType: 'image/png',
      sizeBytes: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
    });
    expect(Date.parse(file.createdAt)).not.toBeNaN();
    expect(fs.readFileSync(path.join(filesRoot(), county.id, file.id))).toEqual(png);

    const download = await county.admin.get(`${county.base}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(png);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toMatch(/^inline; /);
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('现场照片.png')}`);

    const meta = await county.admin.get(`${county.base}/files/${file.id}/meta`);
    expect(meta.statusCode).toBe(200);
    expect(meta.json()).toEqual(file);
  });

  it('writes a files.upload audit entry naming the uploader', async () => {
    const upload = await uploadFile(county.admin, county.base, 'audit.png', tinyPng());
    const entries = await platform
      .ownerQuery('core_audit_log')
      .where({ tenant_id: county.id, action: 'files.upload', record_id: upload.json().id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ record_type: 'file', data: { name: 'audit.png', contentType: 'image/png' } });
    expect(entries[0].actor_user_id).toBeTruthy();
  });

  it('a PDF with a Chinese name downloads as an attachment, the name in RFC 5987 form', async () => {
    const pdf = tinyPdf();
    const upload = await uploadFile(county.admin, county.base, '会议纪要(定稿).pdf', pdf);
    expect(upload.statusCode).toBe(201);
    expect(upload.json().contentType).toBe('application/pdf');
    const download = await county.admin.get(`${county.base}/files/${upload.json().id}`);
    expect(download.rawPayload).toEqual(pdf);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(download.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; /);
    expect(disposition).toContain("filename*=UTF-8''%E4%BC%9A%E8%AE%AE%E7%BA%AA%E8%A6%81%28%E5%AE%9A%E7%A8%BF%29.pdf");
  });

  it('recognises an Excel workbook by its content, whatever the client claims', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台账').addRow(['乡镇', '完成']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const upload = await uploadFile(county.admin, county.base, '台账.xlsx', xlsx, 'text/plain');
    expect(upload.statusCode).toBe(201);
    expect(upload.json().contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const download = await county.admin.get(`${county.base}/files/${upload.json().id}`);
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
  });

  it('refuses text named .jpg with 415 and stores nothing', async () => {
    await expectNothingStored(async () => {
      const response = await uploadFile(county.admin, county.base, 'photo.jpg', 'just some text pretending to be a photo\n', 'image/jpeg');
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
      expect(response.json().error.details[0].path).toBe('file');
    });
  });

  it('refuses an executable, an SVG and an empty file', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), randomBytes(200)]);
    exe.writeUInt32LE(64, 0x3c);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    for (const [name, content] of [
      ['setup.png', exe],
      ['logo.svg', svg],
      ['empty.pdf', Buffer.alloc(0)],
    ] as const) {
      await expectNothingStored(async () => {
        const response = await uploadFile(county.admin, county.base, name, content);
        expect(response.statusCode, name).toBe(415);
        expect(response.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
      });
    }
  });

  it('refuses a file over the limit with 413 naming the field, and stores nothing', async () => {
    await expectNothingStored(async () => {
      const big = Buffer.concat([tinyPng(), randomBytes(UPLOAD_LIMIT + 1)]);
      const response = await uploadFile(county.admin, county.base, 'big.png', big, 'image/png');
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('FILE_TOO_LARGE');
      expect(response.json().error.details[0].path).toBe('file');
    });
  });

  it('accepts a file of exactly the limit', async () => {
    const exact = Buffer.concat([tinyPng(), randomBytes(UPLOAD_LIMIT - tinyPng().length)]);
    const response = await uploadFile(county.admin, county.base, 'exact.png', exact);
    expect(response.statusCode).toBe(201);
    expect(response.json().sizeBytes).toBe(UPLOAD_LIMIT);
  });

  it('refuses names with paths, "..", control characters or over 200 characters, naming file.filename', async () => {
    for (const name of [
      '../../etc/passwd.png',
      '..\\..\\windows\\x.png',
      'a/b.png',
      'x..png',
      'evil\u0001.png',
      'fake\u202egnp.exe',
      `${'长'.repeat(201)}.png`,
      '',
    ]) {
      await expectNothingStored(async () => {
        const response = await uploadFile(county.admin, county.base, name, tinyPng());
        expect(response.statusCode, JSON.stringify(name)).toBe(400);
        expect(response.json().error.details[0].path).toBe('file.filename');
      });
    }
  });

  it('a request without a file in the field "file" is a 400 naming it', async () => {
    const wrongField = multipartBody([{ name: 'attachment', filename: 'a.png', content: tinyPng() }]);
    const onlyText = multipartBody([{ name: 'file', content: 'not a file part' }]);
    for (const body of [wrongField, onlyText]) {
      const response = await county.admin.request('POST', `${county.base}/files`, body.payload, { 'content-type': body.contentType });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'FILE_REQUIRED', details: [{ path: 'file' }] });
    }
    const json = await county.admin.post(`${county.base}/files`, { file: 'aGVsbG8=' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.details[0].path).toBe('file');
  });

  it('a cut-off or malformed multipart body is a 400, not a 500, and stores nothing', async () => {
    const { payload, contentType } = multipartBody([{ name: 'file', filename: 'cut.png', content: tinyPng() }]);
    await expectNothingStored(async () => {
      const cut = await county.admin.request('POST', `${county.base}/files`, payload.subarray(0, payload.length - 30), {
        'content-type': contentType,
      });
      expect(cut.statusCode).toBe(400);
      expect(cut.json().error.code).toBe('FILE_UPLOAD_INVALID');
      const noBoundary = await county.admin.request('POST', `${county.base}/files`, payload, { 'content-type': 'multipart/form-data' });
      expect(noBoundary.statusCode).toBe(400);
    });
  });

  it('a storage failure rolls the row back and leaves no staged file', async () => {
    const blocked = await platform.createTenant('blocked', '受阻县');
    fs.mkdirSync(filesRoot(), { recursive: true });
    // A plain file where the tenant's folder should be: moving the upload into place fails.
    fs.writeFileSync(path.join(filesRoot(), blocked.id), 'not a folder');
    const response = await uploadFile(blocked.admin, blocked.base, 'x.png', tinyPng());
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('INTERNAL');
    expect(await rowCount(blocked.id)).toBe(0);
    expect(await platform.ownerQuery('core_audit_log').where({ tenant_id: blocked.id, action: 'files.upload' })).toEqual([]);
    expect(staged()).toEqual([]);
  });

  it('a failure of the file store while staging is ours (500), not a malformed body', async () => {
    const stagingDir = path.join(filesRoot(), '.staging');
    fs.rmSync(stagingDir, { recursive: true, force: true });
    // A plain file where the staging folder should be: staging fails on our side, whatever the body.
    fs.writeFileSync(stagingDir, 'not a folder');
    const rowsBefore = await rowCount(county.id);
    try {
      const response = await uploadFile(county.admin, county.base, 'x.png', tinyPng());
      expect(response.statusCode).toBe(500);
      expect(response.json().error.code).toBe('INTERNAL');
      expect(await rowCount(county.id)).toBe(rowsBefore);
    } finally {
      fs.rmSync(stagingDir, { force: true });
    }
  });

  it("another tenant's file is a 404, for download and metadata", async () => {
    const upload = await uploadFile(county.admin, county.base, 'secret.pdf', tinyPdf());
    const id = upload.json().id;
    for (const url of [`${other.base}/files/${id}`, `${other.base}/files/${id}/meta`]) {
      const response = await other.admin.get(url);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('secret');
    }
    expect((await county.admin.get(`${county.base}/files/${id}`)).statusCode).toBe(200);
  });

  it('any signed-in user of the tenant may upload; an upload attached to nothing is read by its uploader only (404 for others, admins too); anonymous requests may not', async () => {
    const created = await county.admin.post(`${county.base}/users`, {
      username: 'clerk',
      displayName: '办事员',
      password: 'clerk-pass-1',
      mustChangePassword: false,
    });
    expect(created.statusCode).toBe(201);
    const clerk = await platform.client().loginTenant('yanggu', 'clerk', 'clerk-pass-1');
    const upload = await uploadFile(clerk, county.base, 'clerk.png', tinyPng());
    expect(upload.statusCode).toBe(201);
    expect((await clerk.get(`${county.base}/files/${upload.json().id}`)).statusCode).toBe(200);
    expect((await county.admin.get(`${county.base}/files/${upload.json().id}`)).statusCode).toBe(404);
    expect((await county.admin.get(`${county.base}/files/${upload.json().id}/meta`)).statusCode).toBe(404);

    const anonymous = platform.client();
    expect((await uploadFile(anonymous, county.base, 'anon.png', tinyPng())).statusCode).toBe(401);
    expect((await anonymous.get(`${county.base}/files/${upload.json().id}`)).statusCode).toBe(401);
  });

  it('an unknown file id is a 404 and a malformed one a 400 naming it', async () => {
    expect((await county.admin.get(`${county.base}/files/0190a000-0000-7000-8000-000000000000`)).statusCode).toBe(404);
    const bad = await county.admin.get(`${county.base}/files/..%2F..%2Fetc%2Fpasswd`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('params.id');
  });
});
