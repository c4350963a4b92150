import { describe, expect, it } from 'vitest';
import { quietHoursEnd } from './quiet-hours.ts';

// Beijing wall time as an instant.
const beijing = (iso: string) => new Date(`${iso}+08:00`);

describe('quiet hours: automatic SMS wait until the night is over', () => {
  const night = { from: 21, to: 8 };
  it('a message at 23:30 waits until 08:00 the next morning, one at 02:00 until 08:00 the same morning', () => {
    expect(quietHoursEnd(night, beijing('2026-03-01T23:30:00'))).toEqual(beijing('2026-03-02T08:00:00'));
    expect(quietHoursEnd(night, beijing('2026-03-02T02:00:00'))).toEqual(beijing('2026-03-02T08:00:00'));
  });
  it('daytime messages go at once; 08:00 sharp is already day, 21:00 sharp already night', () => {
    expect(quietHoursEnd(night, beijing('2026-03-02T08:00:00'))).toBeNull();
    expect(quietHoursEnd(night, beijing('2026-03-02T20:59:00'))).toBeNull();
    expect(quietHoursEnd(night, beijing('2026-03-02T21:00:00'))).toEqual(beijing('2026-03-03T08:00:00'));
  });
  it('quiet hours within one day (12 → 14), and equal hours meaning none', () => {
    expect(quietHoursEnd({ from: 12, to: 14 }, beijing('2026-03-02T13:10:00'))).toEqual(beijing('2026-03-02T14:00:00'));
    expect(quietHoursEnd({ from: 12, to: 14 }, beijing('2026-03-02T14:10:00'))).toBeNull();
    expect(quietHoursEnd({ from: 0, to: 0 }, beijing('2026-03-02T03:00:00'))).toBeNull();
  });
});
