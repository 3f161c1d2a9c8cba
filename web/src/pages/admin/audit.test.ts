import { describe, expect, it } from 'vitest';
import { fill, messages, type MessageKey } from '../../i18n/messages';
import auditActionsJava from '../../../../server/src/main/java/strata/server/audit/AuditActions.java?raw';
import auditDetailJava from '../../../../server/src/main/java/strata/server/audit/AuditDetail.java?raw';
import type { Lang } from '../../i18n/locale';
import { actionLabel, AUDIT_ACTIONS, detailText, type DetailOf } from './audit';

const zh = (key: MessageKey) => fill(messages.zh[key]);
const tr = (lang: Lang) => (key: MessageKey, vars?: Record<string, string | number>) => fill(messages[lang][key], vars);

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

describe('audit details', () => {
  // AuditLog.record refuses a detail code outside AuditDetail.CODES, so that list is every code an entry can carry.
  const serverCodes = [...auditDetailJava.slice(auditDetailJava.indexOf('CODES = Set.of(')).split(');')[0]
    .matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
  const detailKeys = Object.keys(messages.en).filter((k) => k.startsWith('auditDetail.'));
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

  it('hasASentenceForEveryDetailCodeTheServerWritesAndNoOther', () => {
    expect(serverCodes.length).toBeGreaterThan(30);
    const sentences = detailKeys.map((k) => k.slice('auditDetail.'.length)).filter((c) => !c.includes('.') && c !== 'pool');
    expect(sentences.sort()).toEqual([...serverCodes].sort());
    // A fragment belongs to a code that exists.
    for (const key of detailKeys.filter((k) => k.split('.').length === 3)) expect(serverCodes, key).toContain(key.split('.')[1]);
  });

  it('rendersEveryDetailCodeWithAllItsValuesInBothLanguages', () => {
    for (const code of serverCodes) {
      // Every value the sentence or one of its fragments names, so each fragment shows too.
      const names = detailKeys.filter((k) => k === 'auditDetail.' + code || k.startsWith(`auditDetail.${code}.`))
        .flatMap((k) => [k.split('.')[2], ...placeholders(messages.en[k as MessageKey])]).filter(Boolean);
      const detailParams = Object.fromEntries(names.map((n) => [n, 'v1']));
      const entry: DetailOf = { detail: 'English as written', detailCode: code, detailParams };
      const [zhText, enText] = (['zh', 'en'] as Lang[]).map((lang) => detailText(entry, lang, tr(lang)));
      for (const text of [zhText, enText]) {
        expect(text, code).not.toMatch(/[{}]/);
        expect(text, code).not.toBe('English as written');
      }
      expect(zhText, code).not.toBe(enText);
    }
  });

  it('saysADetailInTheReadersLanguageNamingTheCodesInIt', () => {
    const done: DetailOf = { detail: 'task 12 (follow_up, C1): reached — wants a quote', detailCode: 'task_done',
      detailParams: { task: 12, type: 'follow_up', customer: 'C1', outcome: 'reached', note: 'wants a quote' } };
    expect(detailText(done, 'zh', tr('zh'))).toBe('任务 #12（例行跟进，C1）：已联系上——wants a quote');
    expect(detailText(done, 'en', tr('en'))).toBe('task #12 (Follow-up, C1): Reached — wants a quote');
    const noNote: DetailOf = { ...done, detailParams: { task: 12, type: 'follow_up', customer: 'C1', outcome: 'reached' } };
    expect(detailText(noNote, 'zh', tr('zh'))).toBe('任务 #12（例行跟进，C1）：已联系上');
  });

  it('namesThePoolListsAndTextInBothLanguages', () => {
    const release: DetailOf = { detail: "C1: '张伟' -> ''", detailCode: 'pool_move', detailParams: { customer: 'C1', from: '张伟', to: '' } };
    expect(detailText(release, 'zh', tr('zh'))).toBe('C1：张伟 → 公海');
    expect(detailText(release, 'en', tr('en'))).toBe('C1: 张伟 → the pool');
    const pair: DetailOf = { detail: 'pair 3: D-1 + D-2 (same_phone|same_email, was pending)', detailCode: 'duplicate',
      detailParams: { pair: 3, a: 'D-1', b: 'D-2', reasons: ['same_phone', 'same_email'], was: 'pending' } };
    expect(detailText(pair, 'zh', tr('zh'))).toBe('配对 #3：D-1 + D-2（电话相同、邮箱相同；原状态：待审核）');
    expect(detailText(pair, 'en', tr('en'))).toBe('pair #3: D-1 + D-2 (Same phone, Same e-mail; was To review)');
    const ended: DetailOf = { detail: 'C1 -> vip: tier vip is not in model version 4 (run 9)', detailCode: 'override_ended',
      detailParams: { customer: 'C1', tier: 'vip', note: { zh: '模型版本 4 中没有等级 vip', en: 'tier vip is not in model version 4' }, run: 9 } };
    expect(detailText(ended, 'zh', tr('zh'))).toBe('C1 → vip：模型版本 4 中没有等级 vip（运行 #9）');
    expect(detailText(ended, 'en', tr('en'))).toBe('C1 → vip: tier vip is not in model version 4 (run #9)');
  });

  it('showsTheWrittenTextOfEntriesWithoutAKnownCode', () => {
    const old: DetailOf = { detail: 'run 7 (manual, model v2)', detailCode: null, detailParams: {} };
    expect(detailText(old, 'zh', tr('zh'))).toBe('run 7 (manual, model v2)');
    const newer: DetailOf = { detail: 'something new', detailCode: 'from_a_newer_server', detailParams: { x: 1 } };
    expect(detailText(newer, 'zh', tr('zh'))).toBe('something new');
    expect(detailText({ detail: null, detailCode: null, detailParams: {} }, 'en', tr('en'))).toBe('');
  });
});
