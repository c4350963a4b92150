import { Tag } from 'antd';

/** One colour per standard tag, the same in the floor model, its legend and the editor; the county's own are purple. */
export const TAG_COLORS: Record<string, string> = {
  空房: 'default',
  自住: 'green',
  出租: 'blue',
  独居老人: 'volcano',
  留守儿童: 'gold',
};

export const tagColor = (tag: string) => TAG_COLORS[tag] ?? 'purple';

/** A household's tag as a small coloured label. */
export function HouseholdTag({ tag, compact }: { tag: string; compact?: boolean }) {
  return (
    <Tag color={tagColor(tag)} style={compact ? { marginInlineEnd: 2, paddingInline: 3, fontSize: 11, lineHeight: '16px' } : undefined}>
      {tag}
    </Tag>
  );
}
