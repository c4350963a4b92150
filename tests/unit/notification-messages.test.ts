import { describe, expect, it } from 'vitest';
import { installedModules } from '../../modules/index.ts';
import { coreMessages } from '../../core/notify/core-messages.ts';
import {
  MESSAGE_LANGUAGES,
  MessageCatalogues,
  catalogueProblems,
  defineMessages,
  placeholdersOf,
  type MessageCatalogue,
} from '../../core/notify/messages.ts';

const catalogues: MessageCatalogue[] = [coreMessages.catalogue, ...installedModules.flatMap((m) => (m.messages ? [m.messages] : []))];

describe('notification catalogues: every message in both languages', () => {
  it('core and every installed module that notifies has a catalogue, named by its id', () => {
    expect(catalogues.map((c) => c.namespace).sort()).toEqual(['announcements', 'approvals', 'core', 'dispatch', 'forms', 'grid-events']);
    for (const module of installedModules) if (module.messages) expect(module.messages.namespace).toBe(module.manifest.id);
  });

  for (const catalogue of catalogues) {
    describe(catalogue.namespace, () => {
      it('zh-CN and English fill the same placeholders, and no text is empty', () => {
        for (const [key, entry] of Object.entries(catalogue.entries)) {
          expect(placeholdersOf(entry.en), key).toEqual(placeholdersOf(entry['zh-CN']));
          for (const language of MESSAGE_LANGUAGES) {
            const text = entry[language];
            expect((typeof text === 'string' ? text : text.title).trim(), `${key} ${language}`).not.toBe('');
          }
        }
        expect(catalogueProblems(catalogue)).toEqual([]);
      });
    });
  }
});

describe('rendering a message in the reader’s language', () => {
  const test = defineMessages('test', {
    assigned: {
      'zh-CN': { title: '新任务：{task}', body: '截止时间 {deadline}' },
      en: { title: 'New task: {task}', body: 'Due {deadline}' },
    },
    overdue: { 'zh-CN': '{units}已逾期', en: 'Overdue: {units}' },
    card: { 'zh-CN': '{task}：收到{card}', en: '{task}: received a {card}' },
    red: { 'zh-CN': '红牌', en: 'red card' },
  });
  const messages = new MessageCatalogues([test.catalogue]);

  it('fills the placeholders; a date is passed as the county reads it, the same in both languages', () => {
    const message = test.message('assigned', { task: '防汛检查', deadline: '2026-06-01 18:00' });
    expect(messages.render(message, 'zh-CN')).toEqual({ title: '新任务：防汛检查', body: '截止时间 2026-06-01 18:00' });
    expect(messages.render(message, 'en')).toEqual({ title: 'New task: 防汛检查', body: 'Due 2026-06-01 18:00' });
  });

  it('joins a list as each language does, and renders a term in the same language', () => {
    expect(messages.render(test.message('overdue', { units: ['九峰镇', '白马镇', '红旗村'] }), 'zh-CN')?.title).toBe(
      '九峰镇、白马镇、红旗村已逾期',
    );
    expect(messages.render(test.message('overdue', { units: ['Jiufeng', 'Baima'] }), 'en')?.title).toBe('Overdue: Jiufeng, Baima');
    const card = test.message('card', { task: '清洁行动', card: test.message('red') });
    expect(messages.render(card, 'zh-CN')?.title).toBe('清洁行动：收到红牌');
    expect(messages.render(card, 'en')?.title).toBe('清洁行动: received a red card');
  });

  it('leaves a county’s own text as written, even one that looks like a placeholder', () => {
    expect(messages.render(test.message('assigned', { task: '{deadline}', deadline: 'x' }), 'en')?.title).toBe('New task: {deadline}');
  });

  it('answers null for a key no catalogue holds or a value that is missing (the stored text is shown), and a new message must render', () => {
    expect(messages.render({ key: 'gone.module', params: {} }, 'en')).toBeNull();
    expect(messages.render({ key: 'test.assigned', params: { task: 'x' } }, 'en')).toBeNull();
    expect(() => messages.renderNew({ key: 'test.nope', params: {} }, 'zh-CN')).toThrow(/test\.nope/);
  });

  it('refuses at start a catalogue whose languages disagree, and a namespace registered twice', () => {
    const broken = defineMessages('broken', {
      a: { 'zh-CN': '{task}到期', en: 'Due: {deadline}' },
      b: { 'zh-CN': { title: '标题', body: '正文' }, en: 'Title' },
    });
    expect(() => new MessageCatalogues([broken.catalogue])).toThrow(
      /"a" fills \{task\} in zh-CN but \{deadline\} in en.*"b" has a body in one language only/,
    );
    expect(() => new MessageCatalogues([test.catalogue, test.catalogue])).toThrow(/registered twice/);
  });
});
