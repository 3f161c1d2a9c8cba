import { describe, expect, it } from 'vitest';
import { fill, messages, type MessageKey } from '../../i18n/messages';
import auditActionsJava from '../../../../server/src/main/java/strata/server/audit/AuditActions.java?raw';
import { actionLabel, AUDIT_ACTIONS } from './audit';

const zh = (key: MessageKey) => fill(messages.zh[key]);

describe('audit actions', () => {
  // AuditLog.record refuses a code outside AuditActions.CODES, so that list is every code the log can hold.
  const serverCodes = [...auditActionsJava.slice(auditActionsJava.indexOf('CODES = Set.of(')).split(');')[0]
    .matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);

  it('labelsEveryActionTheServerRecordsAndNoOther', () => {
    expect(serverCodes.length).toBeGreaterThan(30);
    expect(serverCodes).toContain('pool_release');
    expect([...AUDIT_ACTIONS].sort()).toEqual([...serverCodes].sort());
  });

  it('namesAnActionInTheUsersLanguage', () => {
    expect(actionLabel('model_update', zh)).toBe('保存分级模型');
    expect(actionLabel('task_escalation_pool', zh)).toBe('任务逾期：客户退回公海');
    expect(actionLabel('from_a_newer_server', zh)).toBe('from_a_newer_server');
  });
});
