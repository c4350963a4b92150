/** The forms API's shapes (modules/forms/schemas/*.schema.ts), as the web app reads them. */
export type JsonObject = Record<string, unknown>;

export interface FormSummary {
  id: string;
  name: string;
  description: string;
  category: string;
  latestVersion: number;
  draftChanged: boolean;
  updatedAt: string;
}

export interface FormDetail extends FormSummary {
  schema: JsonObject;
  uiSchema: JsonObject;
  createdAt: string;
}

export interface VersionSummary {
  formId: string;
  version: number;
  name: string;
  publishedAt: string;
  submissionCount: number;
}

export interface VersionView {
  formId: string;
  version: number;
  name: string;
  schema: JsonObject;
  uiSchema: JsonObject;
  publishedAt: string;
}

export type Frequency = 'once' | 'weekly' | 'monthly' | 'quarterly';
export type DueOffsetKind = 'days' | 'working_days';

export interface Period {
  periodKey: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

export interface Assignee {
  id: string;
  unitId: string | null;
  unitName: string | null;
  personId: string | null;
  personName: string | null;
  /** Active accounts that may fill in for it: 0 means nobody can (a warning, and reminders skip it). */
  fillers: number;
}

export interface Collection {
  id: string;
  formId: string;
  formName: string;
  version: number;
  name: string;
  frequency: Frequency;
  startsOn: string;
  endsOn: string | null;
  dueOffset: number;
  dueOffsetKind: DueOffsetKind;
  dueOn: string | null;
  status: 'active' | 'closed';
  assignees: Assignee[];
  periods: Period[];
  createdAt: string;
  updatedAt: string;
}

export interface CollectionInput {
  formId: string;
  name: string;
  frequency: Frequency;
  startsOn?: string;
  dueOffset?: number;
  dueOffsetKind?: DueOffsetKind;
  dueOn?: string;
  unitIds?: string[];
  personIds?: string[];
}

export type AssigneeState = 'submitted' | 'returned' | 'draft' | 'missing';

export interface AssigneeStatus extends Assignee {
  state: AssigneeState;
  submittedCount: number;
  lastSubmittedAt: string | null;
  lastRemindedAt: string | null;
}

export interface PeriodStatus {
  period: Period;
  submitted: AssigneeStatus[];
  missing: AssigneeStatus[];
}

export interface RemindResult {
  remindedAssignees: number;
  notifiedUsers: number;
  skippedRecentlyReminded: number;
  /** Missing assignees nobody may fill in for: not reminded. */
  unreachableAssignees?: number;
}

export interface MyDueItem extends Period {
  collectionId: string;
  collectionName: string;
  formId: string;
  version: number;
  assigneeId: string;
  unitName: string | null;
  overdue: boolean;
  state: AssigneeState;
  submissionId: string | null;
}

export type SubmissionStatus = 'draft' | 'submitted' | 'returned';

export interface Submission {
  id: string;
  formId: string;
  formName: string;
  version: number;
  status: SubmissionStatus;
  data: JsonObject;
  collectionId: string | null;
  periodKey: string | null;
  assigneeId: string | null;
  unitId: string | null;
  unitName: string | null;
  submittedBy: { id: string; displayName: string };
  returnReason: string | null;
  returnedAt: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SubmissionDetail extends Submission {
  form: { version: number; name: string; schema: JsonObject; uiSchema: JsonObject };
}

export type FieldKind = 'number' | 'choice' | 'multi' | 'boolean' | 'date' | 'text' | 'file' | 'group' | 'other';

export interface ResultField {
  name: string;
  title: string;
  kind: FieldKind;
  options: { value: string; label: string }[];
  /** `date-time`: a moment, shown in the county's time zone. */
  format?: string;
  /** A field of a repeating group's rows: filters by "any row", neither sorts nor counts. */
  group?: string | null;
}

export interface ResultsPage {
  items: Submission[];
  nextCursor: string | null;
  fields: ResultField[];
}

/** What a group or option without a name of its own stands for (its label is then null). */
export type StatLabelKey = 'all' | 'unanswered' | 'noUnit';

export interface StatLabel {
  label: string | null;
  labelKey?: StatLabelKey;
}

export interface StatisticsGroup extends StatLabel {
  key: string;
  count: number;
}

export interface FieldStatisticsGroup extends StatisticsGroup {
  options: (StatLabel & { value: string; count: number })[];
  sum: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
}

export interface FieldStatistics extends ResultField {
  groups: FieldStatisticsGroup[];
}

export interface Statistics {
  groupBy: string | null;
  total: number;
  groups: StatisticsGroup[];
  fields: FieldStatistics[];
}

/** The assignee's submissions of the previous period, to start this one from (一月一报 of the same households). */
export interface PreviousAnswers {
  periodKey: string | null;
  items: { id: string; version: number; data: JsonObject; submittedAt: string }[];
}
