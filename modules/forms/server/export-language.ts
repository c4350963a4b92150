import type { LabelKey } from './statistics.service.ts';

/** The languages an export is written in; Chinese unless the request asks otherwise. */
export type ExportLanguage = 'zh-CN' | 'en';

export const EXPORT_LANGUAGES = ['zh-CN', 'en'] as const;

/**
 * The language of a request's export: an explicit `lang` (the web app sends its UI language),
 * else the first Accept-Language entry naming English or Chinese, else Chinese.
 */
export function exportLanguage(lang: string | undefined, acceptLanguage: string | undefined): ExportLanguage {
  if (lang === 'en' || lang === 'zh-CN') return lang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter(
      (entry) => entry.q > 0 && (entry.tag === 'en' || entry.tag.startsWith('en-') || entry.tag === 'zh' || entry.tag.startsWith('zh-')),
    )
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'zh-CN';
}

/** Words of the statistics workbook. */
export interface StatisticsTexts {
  summary: string;
  group: string;
  submissions: string;
  answered: string;
  sum: string;
  avg: string;
  min: string;
  max: string;
  yes: string;
  no: string;
  fileName: string;
  labels: Record<LabelKey, string>;
}

export const STATISTICS_TEXTS: Record<ExportLanguage, StatisticsTexts> = {
  'zh-CN': {
    summary: '汇总',
    group: '分组',
    submissions: '份数',
    answered: '填写数',
    sum: '合计',
    avg: '平均',
    min: '最小',
    max: '最大',
    yes: '是',
    no: '否',
    fileName: '统计',
    labels: { all: '全部', unanswered: '（未填）', noUnit: '（无单位）' },
  },
  en: {
    summary: 'Summary',
    group: 'Group',
    submissions: 'Submissions',
    answered: 'Answered',
    sum: 'Sum',
    avg: 'Average',
    min: 'Min',
    max: 'Max',
    yes: 'Yes',
    no: 'No',
    fileName: 'statistics',
    labels: { all: 'All', unanswered: '(not answered)', noUnit: '(no unit)' },
  },
};
