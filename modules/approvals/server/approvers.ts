import type { Knex } from 'knex';
import { accountFacts, ancestorIds, roleAccounts, unitFacts, unitHeadAccounts } from '../../../core/module-kit.ts';
import type { ApprovalsConfig } from '../approvals-config.ts';
import type { ApproverRule } from '../schemas/flow.schema.ts';

export interface ApplicantFacts {
  userId: string;
  unitId: string | null;
  /** What the applicant picked for "chosen by the applicant" steps, by node id. */
  chosen: Record<string, string[]>;
}

/**
 * The active accounts a step's rules name today, in rule order, each once: named accounts, a
 * role's holders (in the applicant's unit only when asked), the head of the applicant's unit or of
 * the unit `levelsUp` above it (holders of a head position there), and those the applicant chose.
 * Resolved when the step starts, so a step reaches whoever holds the post by then.
 */
export async function resolveApprovers(
  trx: Knex.Transaction,
  nodeId: string,
  rules: readonly ApproverRule[],
  applicant: ApplicantFacts,
  config: Pick<ApprovalsConfig, 'headPositionNames'>,
): Promise<string[]> {
  const found: string[] = [];
  for (const rule of rules) {
    if (rule.kind === 'users') found.push(...(rule.userIds ?? []));
    else if (rule.kind === 'chosen') found.push(...(applicant.chosen[nodeId] ?? []));
    else if (rule.kind === 'role' && rule.roleId) {
      const holders = await roleAccounts(trx, rule.roleId);
      found.push(...holders.filter((h) => !rule.sameUnit || h.unitId === applicant.unitId).map((h) => h.userId));
    } else if (rule.kind === 'head' && applicant.unitId) {
      const unit = (await unitFacts(trx, [applicant.unitId])).get(applicant.unitId);
      const levels = rule.levelsUp ?? 0;
      const target = unit ? (levels === 0 ? unit.id : ancestorIds(unit)[levels - 1]) : undefined;
      if (target) found.push(...((await unitHeadAccounts(trx, [target], config.headPositionNames)).get(target) ?? []));
    }
  }
  const unique = [...new Set(found)];
  const facts = await accountFacts(trx, unique);
  return unique.filter((id) => facts.get(id)?.active);
}
