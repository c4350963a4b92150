import { Badge, Tag, Tooltip } from 'antd';
import type { Light } from '../../schemas/common.schema';
import { useT } from '../i18n/dispatch-i18n';

/** The five lights as the county boards paint them; white shows as a grey ring on a white page. */
export const LIGHT_COLORS: Record<Light, string> = {
  white: '#d9d9d9',
  blue: '#1677ff',
  green: '#52c41a',
  yellow: '#faad14',
  red: '#ff4d4f',
};

/** A coloured dot with the light's name beside it (or only in a tooltip with `compact`); the cause, when given, in the tooltip. */
export function LightBadge({ light, cause, compact }: { light: Light; cause?: string; compact?: boolean }) {
  const t = useT();
  const name = t(`light.${light}`);
  const tip = cause ? `${name} · ${causeText(t, cause)}` : name;
  return (
    <Tooltip title={tip}>
      <span data-light={light} aria-label={tip} style={{ whiteSpace: 'nowrap' }}>
        <Badge color={LIGHT_COLORS[light]} text={compact ? undefined : name} />
      </span>
    </Tooltip>
  );
}

/** The light as a tag (lists on phones read better with the word on a colour). */
export function LightTag({ light }: { light: Light }) {
  const t = useT();
  const color = light === 'white' ? 'default' : light === 'yellow' ? 'gold' : light === 'blue' ? 'blue' : light;
  return (
    <Tag color={color} data-light={light}>
      {t(`light.${light}`)}
    </Tag>
  );
}

const CAUSES = ['completed', 'overdue', 'problem_reported', 'due_soon', 'not_started', 'ahead', 'on_track', 'subtask'] as const;

export function causeText(t: ReturnType<typeof useT>, cause: string): string {
  return (CAUSES as readonly string[]).includes(cause) ? t(`cause.${cause as (typeof CAUSES)[number]}`) : cause;
}
