import { DatePicker, Grid, Space, TimePicker } from 'antd';
import type { WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds } from '@rjsf/utils';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * Date and date-time answers whose pickers stay on a 390 px phone's screen. RJSF's antd widgets
 * render the popup inside the field's parent, where antd cannot move it back into the viewport,
 * and a date-time panel (calendar beside time columns, about 450 px) is wider than a phone. Here
 * popups go to the document body (antd flips and shifts them to fit), and on narrow screens a
 * date-time is a date picker beside a time picker, each popup phone-wide at most.
 * Values are as RJSF's own widgets write them: `YYYY-MM-DD`, or an ISO moment.
 */
export function DateWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, placeholder, onChange, onBlur, onFocus } = props;
  return (
    <DatePicker
      id={id}
      name={id}
      value={value ? dayjs(value as string) : null}
      disabled={disabled || readonly}
      placeholder={placeholder}
      placement="bottomLeft"
      style={{ width: '100%' }}
      onChange={(next: Dayjs | null) => onChange(next ? next.format('YYYY-MM-DD') : undefined)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}

export function DateTimeWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, placeholder, onChange, onBlur, onFocus } = props;
  const wide = Grid.useBreakpoint().md ?? true;
  const moment = value ? dayjs(value as string) : null;
  const common = {
    disabled: disabled || readonly,
    onBlur: () => onBlur(id, value),
    onFocus: () => onFocus(id, value),
    placement: 'bottomLeft' as const,
  };
  if (wide) {
    return (
      <DatePicker
        {...common}
        id={id}
        name={id}
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={moment}
        placeholder={placeholder}
        style={{ width: '100%' }}
        onChange={(next: Dayjs | null) => onChange(next ? next.toISOString() : undefined)}
        aria-describedby={ariaDescribedByIds(id)}
      />
    );
  }
  // A time alone starts on the day picked (today if none yet); a day alone keeps the time (else midnight).
  const setDay = (day: Dayjs | null) =>
    onChange(day ? (moment ?? day.startOf('day')).year(day.year()).month(day.month()).date(day.date()).toISOString() : undefined);
  const setTime = (time: Dayjs | null) =>
    onChange(
      time ? (moment ?? dayjs().startOf('day')).hour(time.hour()).minute(time.minute()).second(0).millisecond(0).toISOString() : undefined,
    );
  return (
    <Space.Compact style={{ width: '100%' }}>
      <DatePicker
        {...common}
        id={id}
        name={id}
        value={moment}
        placeholder={placeholder}
        style={{ width: '60%' }}
        onChange={setDay}
        aria-describedby={ariaDescribedByIds(id)}
      />
      <TimePicker
        {...common}
        id={`${id}__time`}
        value={moment}
        format="HH:mm"
        needConfirm={false}
        style={{ width: '40%' }}
        onChange={setTime}
      />
    </Space.Compact>
  );
}
