// Shapes of the server's answers, as described in docs/api.md (the contract between server and UI).

export type Role = 'admin' | 'analyst' | 'manager' | 'sales';

export interface Me { username: string; displayName: string; role: Role; owner: string | null }

export interface Label { zh: string; en: string }
export interface CodeLabel { id: string; name: Label }
/** Why a customer is in a tier, as the engine found it (strata.tier.TierReason). */
export interface TierReason {
  tier: string; rule: number;
  /** metric → value read, in order of mention; null when missing */
  reads: Record<string, string | number | boolean | null>;
  /** earlier tier id → the metric it missed */
  not_checked: Record<string, string>;
}
export interface TierInfo { id: string; name: Label; description?: Label | null; when: string }

/** totalExact false: the server stopped counting at total (bounded counts at scale); the true total is larger. */
/** next: the cursor of the following page (`after=`), where the list has one and more rows follow. */
export interface Page<T> { items: T[]; page: number; size: number; total: number; totalExact?: boolean; next?: string }

export interface RunNote { code: string | null; zh: string; en: string }

export interface Run {
  id: number;
  status: 'running' | 'succeeded' | 'failed';
  trigger: 'manual' | 'import' | 'schedule' | 'demo';
  asOf: string | null;
  modelVersion: number | null;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string | null;
  /** The phase a running run is in (code and text in both languages). */
  phase: RunNote | null;
  progress: number | null;
  customers: number | null;
  /** Why a failed run failed: a stable code (null for runs that failed before codes) and the text in both languages. */
  error: RunNote | null;
  tierCounts: Record<string, number> | null;
  /** Remarks of the run, e.g. a model that could not be fitted: a stable code (null for old runs) and the text in both languages. */
  notes?: RunNote[];
  current: boolean;
}

/** A variable tier conditions may read (strata.tier.Metric), with its name and meaning in both languages. */
export interface MetricInfo { id: string; type: 'bool' | 'int' | 'double' | 'string'; name: Label; help: Label }

export interface Meta {
  tiers: TierInfo[];
  metrics?: MetricInfo[];
  lifecycle: CodeLabel[];
  segments: CodeLabel[];
  segments11: CodeLabel[];
  abc: CodeLabel[];
  quadrants: CodeLabel[];
  /** Why an import row was rejected (rejected.csv's reason codes). */
  rejectReasons?: CodeLabel[];
  /** The churn classifier's features, by the codes a customer's churn_reasons list. */
  churnFeatures?: CodeLabel[];
  owners: string[];
  modelVersion: number | null;
  currentRun: Run | null;
}

export interface CustomerRow {
  id: string; name: string | null; owner: string | null; region: string | null; industry: string | null;
  tier: string; modelTier: string; overridden: boolean;
  segment: string | null; segment11: string | null; lifecycle: string | null; abc: string | null; quadrant: string | null;
  recencyDays: number | null; frequency: number | null; monetary: number | null;
  compositeScore: number | null; clv: number | null; pAlive: number | null;
  /** The open task due first: what the owner does next (null when nothing is planned). */
  nextTask?: { dueDate: string; type: string; channel: string | null } | null;
}

export interface Override {
  id: number; tier: string; reason: string; expiresAt: string | null; createdBy: string; createdAt: string;
  customerId?: string;
  /** When it was removed or ended (null while not); who did it, `system` when a run ended it. */
  removedAt?: string | null; removedBy?: string | null;
  /** Why the system ended it; `code` is null for overrides ended before end notes had codes. */
  endNote?: RunNote | null;
}

export interface CustomerDetail {
  id: string;
  profile: {
    name: string | null; industry: string | null; size: string | null; region: string | null; owner: string | null;
    phone: string | null; email: string | null; birthday: string | null; created: string | null;
  };
  snapshot: { runId: number; asOf: string } | null;
  tier: string;
  modelTier: string;
  override: Override | null;
  /** docs/api.md shows a string; the server sends it in both languages. Both are accepted. */
  explanation: string | Label | null;
  /** The model's reason as data (docs/api.md); null for older snapshots. */
  reason: TierReason | null;
  metrics: Record<string, string | number | boolean | string[] | null>;
  summary: {
    firstPurchase: string | null; lastPurchase: string | null; orders: number; purchaseDays: number;
    net: number; refunds: number;
  } | null;
  /** Set when an accepted duplicate pair merged this customer into another (absent from older servers). */
  mergedInto?: MergedInto | null;
  /** Set on a survivor: the merged-away ids the viewer may see, and how many more it may not (absent from older servers). */
  mergedFrom?: MergedFrom | null;
}

/**
 * The surviving customer: `into` and `name` are null when the viewer may not see it; `applied` is false until the
 * next run after the pair was accepted.
 */
export interface MergedInto { into: string | null; name: string | null; applied: boolean }
/** GET /tags: a tag and how many of the user's customers carry it. */
export interface TagCount { tag: string; customers: number }

export interface MergedFrom { ids: { id: string; name: string | null }[]; hidden: number }

export interface TierHistoryEntry { runId: number; asOf: string; finishedAt: string; tier: string; modelTier: string; overridden: boolean }

export interface Transaction { recordId: string; date: string; amount: number; orderId: string | null; product: string | null; category: string | null; quantity: number | null; channel: string | null }
export interface Interaction { recordId: string; time: string; type: string | null; channel: string | null; outcome: string | null }
export interface Survey { recordId: string; time: string; nps: number | null; csat: number | null; comment: string | null }

/** One flow between two snapshots; `from` is null for customers who entered, `to` for those who left. */
export interface Flow { from: string | null; to: string | null; count: number }

/**
 * Totals between two snapshots. Between snapshots of different model versions `modelChange` is set and `up`/`down`
 * are null: tier ranks compare only within one model.
 */
export interface Migration {
  from: Run; to: Run; tiers: string[]; fromTiers: string[]; flows: Flow[];
  up: number | null; down: number | null; changed: number; same: number; entered: number; left: number;
  modelChange: { from: number | null; to: number | null } | null;
}

export interface MigrationCustomer { id: string; name: string | null; owner: string | null; fromTier: string | null; toTier: string | null }

export interface RfmCell { r: number; f: number; customers: number; monetary: number }
/** A cell of the value × potential matrix: star, cash_cow, rising, maintain or unknown. */
export interface QuadrantRow { quadrant: string; customers: number; revenue: number }

export interface Dashboard {
  run: Run | null;
  kpis: { customers: number; buyers: number; revenue: number; repeatRate: number; atRiskRevenue: number; avgClv: number | null };
  tiers: { tier: string; customers: number; revenue: number }[];
  lifecycle: { stage: string; customers: number }[];
  rfm: RfmCell[];
  segments: { segment: string; customers: number }[];
  quadrants: QuadrantRow[];
  trend: { runId: number; asOf: string; tiers: Record<string, number> }[];
  migration: { from: number; to: number; flows: Flow[] } | null;
}

/** `builtIn`: Strata's default model as the server stored it (note and author are machine values then). */
export interface ModelVersion { version: number; createdAt: string; createdBy: string; note: string | null; builtIn: boolean }
export interface Model extends ModelVersion { yaml: string; tiers: TierInfo[] }

export interface DryRun {
  /** The day scored: the current snapshot's (absent from older servers). */
  asOf?: string;
  /** What a run would note, e.g. purchases dated after asOf left out (absent from older servers). */
  notes?: RunNote[];
  customers: number; counts: Record<string, number>; current: Record<string, number>; flows: Flow[]; moved: number;
  /** Who would change tier, at most 5,000 (`moved` counts all). */
  movers?: { customerId: string; name: string; owner: string; from: string; to: string }[];
}

export interface ImportPreview {
  fileName: string; charset: string; delimiter: string;
  columns: { header: string; field: string | null }[];
  missing: string[]; fields: string[]; rows: string[][];
}

export interface ImportJob {
  id: number; kind: string; fileName: string; status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number | null; createdBy: string; createdAt: string; finishedAt: string | null;
  /** Why a failed import failed: a stable code (an intake code such as `intake_no_column`; null for imports that failed before codes) and the text in both languages. */
  error: RunNote | null;
  quality: {
    rows: number; accepted: number; rejected: number; reasons: Record<string, number>; duplicates: number;
    afterAsOf: number; inserted: number; unchanged: number;
    /** What to check about the rows: a stable code (null for imports stored before codes) and the text in both languages. */
    warnings: RunNote[];
  } | null;
  runId: number | null;
}

export interface User { username: string; displayName: string; role: Role; owner: string | null; enabled: boolean }
export interface ApiToken {
  id: number; name: string; username?: string; createdAt?: string; lastUsedAt?: string | null;
  expiresAt?: string | null; scope?: 'all' | 'read' | 'import';
}
/** An audit entry; detailCode and detailParams are null / empty on entries written before details had codes. */
export interface AuditEntry {
  id: number; at: string; username: string; action: string; detail: string | null; detailCode: string | null;
  detailParams: Record<string, string | number | boolean | string[] | { zh: string; en: string } | null>;
}

/** A service task planned by a tier's playbook (docs/api.md "Service tasks"). */
export type TaskStatus = 'open' | 'done' | 'skipped' | 'cancelled' | 'suppressed';
export type TaskOutcome = 'reached' | 'no_answer' | 'rescheduled' | 'lost';
export interface Task {
  id: number; key: string; customerId: string; owner: string; tier: string; type: string; channel: string | null;
  dueDate: string; trigger: string;
  reason: { tier: string; trigger: string; detail: string | null; values: { name: string; value: string }[]; purpose: Label | null } | null;
  reasonText: Label; status: TaskStatus; suppressedBy: string | null; outcome: TaskOutcome | null; note: string | null;
  createdAt: string; closedAt: string | null; closedBy: string | null;
  /** the customer's name and numbers ("" when not given; null when the customer is no longer stored) */
  customerName: string | null; phone: string | null; email: string | null;
}

/** A customer in the pool (公海): who and why, no purchase figures. */
export interface Pooled {
  id: string; name: string | null; industry: string | null; region: string | null; tier: string | null;
  since: string | null; previousOwner: string | null; rule: 'no_contact' | 'no_purchase' | 'escalation' | 'policy' | null;
}
export interface Ownership { customerId: string; owner: string; tier: string | null }

export interface AppNotification {
  id: number; kind: 'task_due' | 'pool_warning' | 'escalation' | string; taskId: number | null; customerId: string | null;
  text: Label; createdAt: string; readAt: string | null;
}
