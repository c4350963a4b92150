import { Readable } from 'node:stream';
import {
  badRequest,
  errorResponses,
  exportView,
  type ExportRunner,
  type PlatformModule,
  queueExport,
  type RoutePlugin,
  tenantParams,
} from '../../core/module-kit.ts';

/**
 * A module with exports of its own, to test core's export jobs without any real module's work:
 * `sheet` writes a small CSV of `rows` lines, reporting progress line by line (and stopping where
 * a test asks, see pauseNextSheetAt); `broken` fails as a module's expected failure does (an
 * AppError, its message shown); `crash` fails unexpectedly.
 */
let pause: { at: number; reached: () => void; released: Promise<void> } | null = null;

/** The next `sheet` export stops once it has reported `at` rows, until `release()`; `reached` resolves when it stops. */
export function pauseNextSheetAt(at: number): { reached: Promise<void>; release: () => void } {
  let reached = () => {};
  let release = () => {};
  const stopped = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  pause = { at, reached, released };
  return { reached: stopped, release };
}

const sheet: ExportRunner = async (task, context) => {
  const rows = Number(task.params.rows);
  const lines: string[] = ['编号'];
  for (let i = 1; i <= rows; i++) {
    lines.push(String(i));
    await context.progress(i, rows);
    if (pause && i === pause.at) {
      const stop = pause;
      pause = null;
      stop.reached();
      await stop.released;
    }
  }
  const file = await context.files.stage(Readable.from(Buffer.from(`${lines.join('\n')}\n`)));
  return { file, fileName: `${task.params.name as string}.csv`, contentType: 'text/csv' };
};

const broken: ExportRunner = async () => {
  throw badRequest('FIXTURE_NOTHING_TO_WRITE', 'Nothing matches: widen the filters');
};

const crash: ExportRunner = async () => {
  throw new Error('disk on fire');
};

const routes: RoutePlugin = async (app) => {
  app.post(
    '/exports',
    {
      schema: {
        tags: ['fixture'],
        summary: 'Queues an export',
        params: tenantParams,
        body: {
          type: 'object',
          required: ['kind'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: ['sheet', 'broken', 'crash'] },
            rows: { type: 'integer', minimum: 0, maximum: 100, default: 3 },
            guarded: { type: 'boolean', default: false },
          },
        },
        response: { 202: exportView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { kind, rows = 3, guarded = false } = request.body;
      const name = `测试导出-${kind}`;
      const queued = await queueExport(request, {
        module: 'fixture-export',
        kind,
        title: name,
        params: { rows, name },
        total: rows,
        permission: guarded ? 'fixture-export.read' : undefined,
      });
      return reply.status(202).send(queued);
    },
  );
};

export const fixtureExport: PlatformModule = {
  manifest: {
    id: 'fixture-export',
    version: '1.0.0',
    name: { 'zh-CN': '测试导出模块', en: 'Fixture exports' },
    description: { 'zh-CN': '测试用', en: 'For tests' },
    dependsOn: [],
    permissions: [{ id: 'fixture-export.read', name: { 'zh-CN': '读取', en: 'Read' } }],
    configSchema: { type: 'object', properties: {} },
    recordTypes: [],
    menu: [],
  },
  routes,
  exportRunners: { sheet, broken, crash },
};
