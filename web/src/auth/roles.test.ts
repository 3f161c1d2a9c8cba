import { describe, expect, it } from 'vitest';
import { can, canClaim, pagesFor } from './roles';

describe('role actions', () => {
  it('givesAdminEverything', () => {
    for (const action of ['overrideTier', 'triggerRun', 'importData', 'dryRunModel', 'saveModel', 'manageUsers', 'viewAudit', 'manageTokens', 'exportCustomers'] as const) {
      expect(can('admin', action)).toBe(true);
    }
  });

  it('letsAnalystsWorkWithDataButNotSaveModelsOrManageUsers', () => {
    expect(can('analyst', 'overrideTier')).toBe(true);
    expect(can('analyst', 'triggerRun')).toBe(true);
    expect(can('analyst', 'dryRunModel')).toBe(true);
    expect(can('analyst', 'saveModel')).toBe(false);
    expect(can('analyst', 'manageUsers')).toBe(false);
    expect(can('analyst', 'viewAudit')).toBe(false);
  });

  it('keepsSalesReadOnly', () => {
    expect(can('sales', 'exportCustomers')).toBe(true);
    expect(can('sales', 'overrideTier')).toBe(false);
    expect(can('sales', 'triggerRun')).toBe(false);
    expect(can('sales', 'importData')).toBe(false);
    expect(can('sales', 'filterByOwner')).toBe(false);
  });

  it('letsOnlyAdminsAssignFromThePool', () => {
    expect(can('admin', 'assignFromPool')).toBe(true);
    for (const role of ['analyst', 'manager', 'sales'] as const) expect(can(role, 'assignFromPool')).toBe(false);
    // Bulk: assigning is for admins and managers, tasks for everyone who serves customers (not analysts).
    expect(['admin', 'analyst', 'manager', 'sales'].map((r) => can(r as 'admin', 'bulkAssign'))).toEqual([true, false, true, false]);
    expect(['admin', 'analyst', 'manager', 'sales'].map((r) => can(r as 'admin', 'bulkTask'))).toEqual([true, false, true, true]);
    // Deciding duplicate pairs is for admins and analysts, as the API allows (POST /duplicates/**).
    expect(['admin', 'analyst', 'manager', 'sales'].map((r) => can(r as 'admin', 'reviewDuplicates'))).toEqual([true, true, false, false]);
  });

  it('letsOnlyUsersWithAnOwnerNameClaim', () => {
    expect(canClaim({ owner: '张伟' })).toBe(true);
    expect(canClaim({ owner: null })).toBe(false);
    expect(canClaim({ owner: '' })).toBe(false);
    expect(canClaim(null)).toBe(false);
  });

  it('refusesEverythingWithoutASignedInUser', () => {
    expect(can(null, 'exportCustomers')).toBe(false);
  });
});

describe('pagesFor', () => {
  it('showsEachRoleItsPages', () => {
    expect(pagesFor('admin')).toEqual(['dashboard', 'work', 'customers', 'pool', 'model', 'runs', 'experiments', 'imports', 'duplicates', 'admin']);
    expect(pagesFor('analyst')).toEqual(['dashboard', 'work', 'customers', 'pool', 'model', 'runs', 'experiments', 'imports', 'duplicates', 'admin']);
    expect(pagesFor('manager')).toEqual(['dashboard', 'work', 'customers', 'pool', 'runs', 'experiments']);
    expect(pagesFor('sales')).toEqual(['dashboard', 'work', 'customers', 'pool', 'runs']);
    expect(pagesFor(undefined)).toEqual([]);
  });
});
