import type { Knex } from 'knex';
import { addTenantWorkingDays, badRequest, endOfDayIn, todayIn } from '../../../core/module-kit.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export interface DeadlineInput {
  deadline?: string;
  deadlineWorkingDays?: number;
}

/**
 * Deadlines given as an instant or as working days from today (the tenant's calendar: weekends,
 * statutory holidays and the tenant's own days off). Working-day walks are cached per count,
 * so dispatching to 50 units with the same count reads the calendar once.
 */
export class DeadlineResolver {
  private readonly byWorkingDays = new Map<number, Date>();

  constructor(
    private readonly trx: Knex.Transaction,
    private readonly now: Date,
    private readonly timeZone: string,
  ) {}

  /** The deadline an input asks for, undefined when it names none; 400 for a past or doubly given one. `path` names the object holding the fields. */
  async resolve(input: DeadlineInput, path: string): Promise<Date | undefined> {
    if (input.deadline !== undefined && input.deadlineWorkingDays !== undefined) {
      throw badRequest(DISPATCH_ERRORS.DEADLINE_AMBIGUOUS, 'Give the deadline as an instant or as working days, not both', [
        { path: `${path}.deadlineWorkingDays`, message: 'is given together with deadline' },
      ]);
    }
    if (input.deadlineWorkingDays !== undefined) return this.workingDays(input.deadlineWorkingDays);
    if (input.deadline === undefined) return undefined;
    const deadline = new Date(input.deadline);
    if (deadline.getTime() <= this.now.getTime()) {
      throw badRequest(DISPATCH_ERRORS.DEADLINE_PAST, 'The deadline must lie in the future', [
        { path: `${path}.deadline`, message: 'is not in the future' },
      ]);
    }
    return deadline;
  }

  private async workingDays(n: number): Promise<Date> {
    let deadline = this.byWorkingDays.get(n);
    if (!deadline) {
      deadline = endOfDayIn(this.timeZone, (await addTenantWorkingDays(this.trx, todayIn(this.timeZone, this.now), n)).date);
      this.byWorkingDays.set(n, deadline);
    }
    return deadline;
  }
}
