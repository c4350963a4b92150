import { describe, expect, it } from 'vitest';
import { withDefaults } from './module-config.ts';

describe('a module config with its defaults: what a county did not set, the module decides', () => {
  const defaults = { days: 3, sms: true, texts: { urge: '请尽快办理', overdue: '已逾期' }, ladder: ['urge', 'notice'] };
  it('keeps what the county set, also inside nested objects, and fills the rest', () => {
    expect(withDefaults(defaults, { days: 5, texts: { urge: '抓紧' } })).toEqual({
      days: 5,
      sms: true,
      texts: { urge: '抓紧', overdue: '已逾期' },
      ladder: ['urge', 'notice'],
    });
  });
  it('takes a stored list as a whole (an emptied list stays empty) and false as false', () => {
    expect(withDefaults(defaults, { ladder: [], sms: false })).toMatchObject({ ladder: [], sms: false });
  });
});
