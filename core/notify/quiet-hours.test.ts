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
  it('a county on another clock keeps its own night: Urumqi (UTC+6) at 07:30 local still waits until 08:00 local', () => {
    const urumqi = { from: 21, to: 8, timeZone: 'Asia/Urumqi' };
    // 07:30 in Urumqi is 09:30 in Beijing: day in Beijing, still night there.
    expect(quietHoursEnd(urumqi, beijing('2026-03-02T09:30:00'))).toEqual(beijing('2026-03-02T10:00:00'));
    expect(quietHoursEnd(urumqi, beijing('2026-03-02T10:00:00'))).toBeNull();
  });
  it('a zone with daylight saving ends the night at 08:00 of its clock on either side of the change', () => {
    const berlin = { from: 22, to: 8, timeZone: 'Europe/Berlin' };
    // 2026-03-29: clocks go from +01:00 to +02:00 at 02:00.
    expect(quietHoursEnd(berlin, new Date('2026-03-28T23:30:00Z'))).toEqual(new Date('2026-03-29T06:00:00Z'));
    expect(quietHoursEnd(berlin, new Date('2026-03-27T23:30:00Z'))).toEqual(new Date('2026-03-28T07:00:00Z'));
  });
});
