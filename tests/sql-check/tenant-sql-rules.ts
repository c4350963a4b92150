import { loadModule, parseSync } from 'libpg-query';

/**
 * The rules every statement on a tenant table follows so that it runs on Citus, where tenant
 * tables are sharded by `tenant_id` (docs/SCALING.md):
 * - it names its tenant: each tenant table it reads or writes is constrained by `tenant_id`
 *   (equal to a value, or to the `tenant_id` of a table that is), else it fans out to every shard
 *   and `FOR UPDATE` across shards is refused;
 * - two tenant tables are joined on `tenant_id` too (the same rule seen from the join);
 * - no `now()` / `CURRENT_TIMESTAMP` inside an upsert's conflict action or inside `coalesce` /
 *   `CASE` of a modification: Citus cannot evaluate them there; pass the time as a value.
 * Statements are parsed with libpg-query, the PostgreSQL parser itself.
 */

type Node = Record<string, unknown>;

export interface Violation {
  rule: 'tenant-not-constrained' | 'now-in-modification';
  detail: string;
}

let loaded: Promise<void> | undefined;

/** The parser is WebAssembly: load it once before the first check. */
export function loadSqlParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

export function checkStatement(sql: string, tenantTables: ReadonlySet<string>): Violation[] {
  let parsed: { stmts?: { stmt: Node }[] };
  try {
    parsed = parseSync(sql) as { stmts?: { stmt: Node }[] };
  } catch {
    return []; // not ours to judge (PostgreSQL itself refuses what does not parse)
  }
  const violations: Violation[] = [];
  for (const { stmt } of parsed.stmts ?? []) new StatementCheck(tenantTables, violations).statement(stmt, []);
  return violations;
}

interface TableRef {
  table: string;
  alias: string;
}

/** A SELECT level: its tables, and which of them are known to be constrained to one tenant. */
class Scope {
  readonly tables: TableRef[] = [];
  /** LATERAL sub-queries: judged once this level's conditions are known, as correlated ones are. */
  readonly laterals: Node[] = [];
  private readonly parent = new Map<string, string>();

  constructor(readonly outer: Scope[]) {}

  find(key: string): string {
    let root = key;
    while (this.parent.has(root)) root = this.parent.get(root) as string;
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }

  constrained(alias: string): boolean {
    return this.find(alias) === this.find(VALUE);
  }
}

const VALUE = '\u0000value';

class StatementCheck {
  constructor(
    private readonly tenantTables: ReadonlySet<string>,
    private readonly violations: Violation[],
    private readonly cteNames = new Set<string>(),
  ) {}

  statement(node: Node, outer: Scope[]): void {
    const [kind, body] = Object.entries(node)[0] as [string, Node];
    if (kind === 'SelectStmt') this.select(body, outer);
    else if (kind === 'InsertStmt') this.insert(body, outer);
    else if (kind === 'UpdateStmt') this.modify(body, outer, body.relation as Node, (body.fromClause as Node[]) ?? [], 'UPDATE');
    else if (kind === 'DeleteStmt') this.modify(body, outer, body.relation as Node, (body.usingClause as Node[]) ?? [], 'DELETE');
  }

  private ctes(withClause: Node | undefined, outer: Scope[]): void {
    for (const cte of (withClause?.ctes as Node[]) ?? []) {
      const c = cte.CommonTableExpr as Node;
      this.cteNames.add(c.ctename as string);
      this.statement(c.ctequery as Node, outer);
    }
  }

  private select(select: Node, outer: Scope[]): void {
    this.ctes(select.withClause as Node | undefined, outer);
    if (select.op && select.op !== 'SETOP_NONE') {
      this.select(select.larg as Node, outer);
      this.select(select.rarg as Node, outer);
      return;
    }
    for (const values of (select.valuesLists as Node[]) ?? []) this.expressions(values, outer);
    const scope = new Scope(outer);
    const quals: Node[] = [];
    for (const item of (select.fromClause as Node[]) ?? []) this.fromItem(item, scope, quals, outer);
    if (select.whereClause) quals.push(select.whereClause as Node);
    this.judge(scope, quals, 'SELECT', [select.targetList, select.havingClause, select.groupClause, select.sortClause]);
  }

  private insert(insert: Node, outer: Scope[]): void {
    this.ctes(insert.withClause as Node | undefined, outer);
    // An INSERT names its tenant in the row it writes; only what it reads is judged.
    if (insert.selectStmt) this.statement(insert.selectStmt as Node, outer);
    const conflict = insert.onConflictClause as Node | undefined;
    if (conflict && containsNow(conflict)) this.violate('now-in-modification', 'now() inside ON CONFLICT: pass the time as a value');
  }

  private modify(body: Node, outer: Scope[], relation: Node, fromItems: Node[], verb: string): void {
    this.ctes(body.withClause as Node | undefined, outer);
    const scope = new Scope(outer);
    const quals: Node[] = [];
    this.fromItem({ RangeVar: relation }, scope, quals, outer);
    for (const item of fromItems) this.fromItem(item, scope, quals, outer);
    if (body.whereClause) quals.push(body.whereClause as Node);
    for (const target of (body.targetList as Node[]) ?? []) {
      if (containsNowInside(target, ['CoalesceExpr', 'CaseExpr']))
        this.violate('now-in-modification', `now() inside coalesce/CASE in ${verb}: pass the time as a value`);
    }
    this.judge(scope, quals, verb, [body.targetList, body.returningClause]);
  }

  private fromItem(item: Node, scope: Scope, quals: Node[], outer: Scope[]): void {
    const [kind, body] = Object.entries(item)[0] as [string, Node];
    if (kind === 'RangeVar') {
      const table = body.relname as string;
      const schema = body.schemaname as string | undefined;
      if ((schema && schema !== 'public') || this.cteNames.has(table) || !this.tenantTables.has(table)) return;
      const alias = ((body.alias as Node | undefined)?.aliasname as string | undefined) ?? table;
      scope.tables.push({ table, alias });
    } else if (kind === 'JoinExpr') {
      this.fromItem(body.larg as Node, scope, quals, outer);
      this.fromItem(body.rarg as Node, scope, quals, outer);
      if (body.quals) quals.push(body.quals as Node);
    } else if (kind === 'RangeSubselect') {
      // A derived table cannot see its siblings unless LATERAL; it is judged on its own.
      if (body.lateral) scope.laterals.push(body.subquery as Node);
      else this.statement(body.subquery as Node, outer);
    }
  }

  /** Unites what the conditions equate, then checks every tenant table of the scope. */
  private judge(scope: Scope, quals: Node[], verb: string, others: unknown[]): void {
    for (const qual of quals) for (const conjunct of conjuncts(qual)) this.equate(scope, conjunct);
    const missing = scope.tables.filter((t) => !scope.constrained(t.alias));
    for (const t of missing)
      this.violate('tenant-not-constrained', `${verb} on ${t.table}${t.alias !== t.table ? ` (${t.alias})` : ''} without tenant_id = …`);
    // Sub-queries in conditions and targets, and LATERAL ones, see this scope as their outer one.
    for (const lateral of scope.laterals) this.statement(lateral, [...scope.outer, scope]);
    for (const qual of quals) this.expressions(qual, [...scope.outer, scope]);
    for (const other of others) this.expressions(other, [...scope.outer, scope]);
  }

  private equate(scope: Scope, expr: Node): void {
    const e = expr.A_Expr as Node | undefined;
    if (!e || operatorName(e) !== '=' || !['AEXPR_OP', 'AEXPR_IN', 'AEXPR_OP_ANY'].includes(e.kind as string)) return;
    const left = this.tenantKey(scope, e.lexpr as Node);
    const right = e.kind === 'AEXPR_OP' ? this.tenantKey(scope, e.rexpr as Node) : isValue(e.rexpr as Node) ? VALUE : undefined;
    if (left && right) scope.union(left, right);
    else if (left && e.kind === 'AEXPR_OP' && isValue(e.rexpr as Node)) scope.union(left, VALUE);
    else if (right && e.kind === 'AEXPR_OP' && isValue(e.lexpr as Node)) scope.union(right, VALUE);
  }

  /** `alias.tenant_id` of this scope, VALUE for a constrained outer table's, else undefined. */
  private tenantKey(scope: Scope, expr: Node): string | undefined {
    const fields = ((unwrapCast(expr).ColumnRef as Node | undefined)?.fields as Node[] | undefined)?.map(
      (f) => (f.String as Node | undefined)?.sval as string | undefined,
    );
    if (!fields || fields[fields.length - 1] !== 'tenant_id') return undefined;
    const qualifier = fields.length > 1 ? fields[fields.length - 2] : undefined;
    const own = qualifier ? scope.tables.find((t) => t.alias === qualifier) : scope.tables.length === 1 ? scope.tables[0] : undefined;
    if (own) return own.alias;
    for (const outer of [...scope.outer].reverse()) {
      const hit = qualifier ? outer.tables.find((t) => t.alias === qualifier) : undefined;
      if (hit) return outer.constrained(hit.alias) ? VALUE : undefined;
    }
    return undefined;
  }

  /** Finds sub-queries inside expressions and checks them with the given outer scopes. */
  private expressions(node: unknown, outer: Scope[]): void {
    if (Array.isArray(node)) {
      for (const item of node) this.expressions(item, outer);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === 'SubLink') {
        const link = value as Node;
        this.expressions(link.testexpr, outer);
        this.statement(link.subselect as Node, outer);
      } else {
        this.expressions(value, outer);
      }
    }
  }

  private violate(rule: Violation['rule'], detail: string): void {
    this.violations.push({ rule, detail });
  }
}

function conjuncts(node: Node): Node[] {
  const bool = node.BoolExpr as Node | undefined;
  if (bool?.boolop === 'AND_EXPR') return (bool.args as Node[]).flatMap(conjuncts);
  return [node];
}

function operatorName(e: Node): string | undefined {
  return ((e.name as Node[] | undefined)?.[0]?.String as Node | undefined)?.sval as string | undefined;
}

function unwrapCast(node: Node): Node {
  return node.TypeCast ? unwrapCast((node.TypeCast as Node).arg as Node) : node;
}

/** A parameter, a constant, a list or array of them, or a function of no column (current_setting…). */
function isValue(node: Node | undefined): boolean {
  if (!node) return false;
  const n = unwrapCast(node);
  if (n.ParamRef || n.A_Const) return true;
  if (n.List) return ((n.List as Node).items as Node[]).every(isValue);
  if (n.A_ArrayExpr) return (((n.A_ArrayExpr as Node).elements as Node[]) ?? []).every(isValue);
  if (n.FuncCall) return !JSON.stringify(n).includes('"ColumnRef"');
  return false;
}

function containsNow(node: unknown): boolean {
  const text = JSON.stringify(node);
  return text.includes('{"String":{"sval":"now"}}') || /SVFOP_CURRENT_(TIMESTAMP|DATE|TIME)|SVFOP_LOCALTIMESTAMP/.test(text);
}

function containsNowInside(node: unknown, kinds: string[]): boolean {
  if (Array.isArray(node)) return node.some((n) => containsNowInside(n, kinds));
  if (!node || typeof node !== 'object') return false;
  return Object.entries(node as Node).some(([key, value]) => (kinds.includes(key) ? containsNow(value) : containsNowInside(value, kinds)));
}
