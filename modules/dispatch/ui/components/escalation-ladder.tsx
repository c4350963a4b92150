import { Steps, Typography } from 'antd';
import type { EscalationLevel, InterviewRecord } from '../../schemas/escalation.schema';
import { useT } from '../i18n/dispatch-i18n';
import { countyTime } from '../../../../admin-ui/src/module-kit';

/**
 * The tenant's escalation ladder as steps: what each one is (催办 a push to the unit, 督办通知 a
 * formal notice its head receives too, 约谈 an interview with a record), the ones raised done,
 * the next one highlighted.
 */
export function EscalationLadder({
  ladder,
  level,
  next,
}: {
  ladder: EscalationLevel[];
  level: EscalationLevel | null;
  next: EscalationLevel | null;
}) {
  const t = useT();
  const current = next ? ladder.indexOf(next) : ladder.length;
  return (
    <Steps
      direction="vertical"
      size="small"
      current={current}
      data-testid="escalation-ladder"
      items={ladder.map((step, i) => ({
        title: t(`supervision.levels.${step}`),
        description: (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`supervision.levelHelp.${step}`)}
          </Typography.Text>
        ),
        status: i < current ? 'finish' : i === current ? 'process' : 'wait',
        subTitle: step === level ? t('supervision.currentShort') : undefined,
      }))}
    />
  );
}

/** An interview's record as the timeline shows it: when, where, who attended, what was said. */
export function InterviewDetails({ record }: { record: InterviewRecord }) {
  const t = useT();
  return (
    <div data-testid="interview-record" style={{ fontSize: 13 }}>
      <div>{t('supervision.interviewWhen', { time: countyTime(record.at), place: record.place })}</div>
      <div>{t('supervision.interviewWho', { names: record.attendees.join('、') })}</div>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{record.summary}</Typography.Paragraph>
    </div>
  );
}
