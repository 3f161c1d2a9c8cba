// What each role may do, mirroring the server's rules in docs/api.md. The server enforces them anyway;
// the UI only hides what would be refused, so nobody clicks a button that answers 403.
import type { Role } from '../api/types';

export type Action =
  | 'overrideTier'   // PUT/DELETE /customers/{id}/override
  | 'triggerRun'     // POST /runs
  | 'importData'     // POST /imports
  | 'dryRunModel'    // POST /model/dry-run, POST /tasks/preview (the unsaved model's playbooks)
  | 'saveModel'      // PUT /model
  | 'manageUsers'    // /users
  | 'viewAudit'      // /audit
  | 'manageTokens'   // /tokens (own; admin sees all)
  | 'exportCustomers'
  | 'assignFromPool' // POST /pool/{id}/assign
  | 'bulkAssign'     // POST /customers/bulk/assign (a manager within the team)
  | 'bulkTask'       // POST /customers/bulk/task
  | 'filterByOwner'  // sales users only ever see one owner, so the owner filter would be noise
  | 'reviewDuplicates'; // POST /duplicates/{id}/accept|reject|undo

const ANALYST: Action[] = ['overrideTier', 'triggerRun', 'importData', 'dryRunModel', 'manageTokens', 'exportCustomers', 'filterByOwner', 'reviewDuplicates'];
const GRANTS: Record<Role, ReadonlySet<Action>> = {
  admin: new Set<Action>([...ANALYST, 'saveModel', 'manageUsers', 'viewAudit', 'assignFromPool', 'bulkAssign', 'bulkTask']),
  analyst: new Set<Action>(ANALYST),
  // A manager sees the customers of their team's reps: several owners, so the owner filter helps.
  manager: new Set<Action>(['exportCustomers', 'filterByOwner', 'bulkAssign', 'bulkTask']),
  sales: new Set<Action>(['exportCustomers', 'bulkTask']),
};

export function can(role: Role | null | undefined, action: Action): boolean {
  return role ? GRANTS[role]?.has(action) ?? false : false;
}

export type PageKey = 'dashboard' | 'work' | 'customers' | 'pool' | 'model' | 'runs' | 'experiments' | 'imports' | 'duplicates' | 'admin';

/**
 * The pages in the navigation for a role. Every role has its work list (tasks of the customers it sees) and the pool
 * (every signed-in user may list it; claiming needs an owner name, assigning is for admins). Sales users see runs (read-only, as the API allows them) but not the tier
 * model (an admin/analyst resource in the API; its tier names and descriptions reach them through /meta), imports
 * or admin.
 */
export function pagesFor(role: Role | null | undefined): PageKey[] {
  if (!role) return [];
  const pages: PageKey[] = ['dashboard', 'work', 'customers', 'pool'];
  if (can(role, 'dryRunModel')) pages.push('model');
  pages.push('runs');
  // Sales users may open an experiment (its figures cover their own customers) from a customer's notice, but the
  // menu leaves it to those who run and read experiments.
  if (role !== 'sales') pages.push('experiments');
  if (can(role, 'importData')) pages.push('imports');
  if (can(role, 'reviewDuplicates')) pages.push('duplicates');
  if (can(role, 'manageTokens')) pages.push('admin');
  return pages;
}

/** Claiming from the pool makes the caller the owner, so it needs a user who holds customers under an owner name. */
export function canClaim(me: { owner: string | null } | null | undefined): boolean {
  return !!me?.owner;
}
