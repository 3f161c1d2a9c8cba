import { describe, expect, it } from 'vitest';
import { fill, messages, type MessageKey } from '../../i18n/messages';
import { versionAuthor, versionNote } from './versions';

const zh = (key: MessageKey) => fill(messages.zh[key]);
const en = (key: MessageKey) => fill(messages.en[key]);

describe('model versions', () => {
  // As GET /model/versions answers after one save over the default model.
  const builtIn = { version: 1, createdAt: '2026-11-01T08:00:00Z', createdBy: 'system', note: 'Strata default model', builtIn: true };
  const saved = { version: 2, createdAt: '2026-11-02T08:00:00Z', createdBy: 'analyst1', note: '春季调整', builtIn: false };

  it('saysTheDefaultModelsNoteAndAuthorInTheUsersLanguage', () => {
    expect(versionNote(builtIn, zh)).toBe('Strata 默认分级模型（内置）');
    expect(versionAuthor(builtIn, zh)).toBe('系统');
    expect(versionNote(builtIn, en)).toBe('Strata default tier model (built in)');
    expect(versionAuthor(builtIn, en)).toBe('System');
  });

  it('keepsWhatAUserWroteAsWritten', () => {
    expect(versionNote(saved, zh)).toBe('春季调整');
    expect(versionAuthor(saved, zh)).toBe('analyst1');
    expect(versionNote({ ...saved, note: null }, zh)).toBe('');
  });
});
