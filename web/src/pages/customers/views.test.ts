import { describe, expect, it } from 'vitest';
import { parseProblem } from '../../api/problem';
import { errorText } from '../../i18n/errors';
import { fill, messages, type MessageKey } from '../../i18n/messages';
import { activeView, COLUMNS, COLUMNS_KEY, columnsOf, definitionOf, readColumns, searchOf, withCount, writeColumns,
  type SavedView, type ViewDefinition } from './views';

const view = (id: number, definition: ViewDefinition): SavedView => ({
  id, name: `v${id}`, owner: 'zhao', shared: true, editable: false, definition, createdAt: '', updatedAt: '',
});

function memory(initial?: string) {
  const items = new Map<string, string>(initial === undefined ? [] : [[COLUMNS_KEY, initial]]);
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => { items.set(k, v); } };
}

describe('saved view definitions', () => {
  it('keeps only set filters, trims the search and puts columns in table order', () => {
    expect(definitionOf({ tier: 'high_value', owner: undefined, q: '  甲 ', abc: '' }, 'clv,desc', ['clv', 'id', 'name']))
      .toEqual({ filters: { tier: 'high_value', q: '甲' }, sort: 'clv,desc', columns: ['id', 'name', 'clv'] });
  });

  it('turns a view back into the list query: filters and sort, from the first page', () => {
    expect(searchOf({ filters: { tier: 'high_value', owner: '张伟' }, sort: 'monetary,desc', columns: null }).toString())
      .toBe('tier=high_value&owner=%E5%BC%A0%E4%BC%9F&sort=monetary%2Cdesc');
  });

  it('shows a view as active only while filters, sort and columns all match', () => {
    const views = [view(1, { filters: { tier: 'high_value' }, sort: null, columns: null }),
      view(2, { filters: { tier: 'high_value', lifecycle: 'active' }, sort: 'clv,desc', columns: ['name', 'clv'] })];
    expect(activeView(views, definitionOf({ tier: 'high_value' }, null, COLUMNS))?.id).toBe(1);
    expect(activeView(views, definitionOf({ lifecycle: 'active', tier: 'high_value' }, 'clv,desc', ['id', 'clv', 'name']))?.id)
      .toBe(2);
    // The filter cleared: the view no longer describes the list.
    expect(activeView(views, definitionOf({}, null, COLUMNS))).toBeUndefined();
    expect(activeView(views, definitionOf({ tier: 'high_value' }, null, ['id', 'name']))).toBeUndefined();
  });

  it('always shows the id column of a view', () => {
    expect(columnsOf({ filters: {}, sort: null, columns: ['clv'] })).toEqual(['id', 'clv']);
    expect(columnsOf({ filters: {}, sort: null, columns: null })).toEqual([...COLUMNS]);
  });
});

describe('default columns in localStorage', () => {
  it('reads back what was written, in table order', () => {
    const storage = memory();
    writeColumns(storage, ['pAlive', 'id', 'tier']);
    expect(readColumns(storage)).toEqual(['id', 'tier', 'pAlive']);
  });

  it('falls back to all columns when nothing or garbage is stored, and drops unknown names', () => {
    expect(readColumns(memory())).toEqual([...COLUMNS]);
    expect(readColumns(memory('{not json'))).toEqual([...COLUMNS]);
    expect(readColumns(memory('"tier"'))).toEqual([...COLUMNS]);
    expect(readColumns(memory('["name","<img src=x>"]'))).toEqual(['id', 'name']);
  });
});

describe('counts in dropdowns', () => {
  it('appends the formatted count, zero when the facet has none', () => {
    const num = (n: number) => n.toLocaleString('en-US');
    expect(withCount('高价值', 1234, num)).toBe('高价值 (1,234)');
    expect(withCount('流失', undefined, num)).toBe('流失 (0)');
  });
});

describe('problems of the views API', () => {
  it('are said in the user\'s language by their code', () => {
    const zh = (key: MessageKey, vars?: Record<string, string | number>) => fill(messages.zh[key], vars);
    const owner = parseProblem(403, { detail: 'only zhao or an admin may change this view', code: 'not_view_owner' });
    expect(errorText(owner, zh)).toBe('只有视图的创建人或管理员可以修改此视图。');
    const filter = parseProblem(422, { detail: 'definition.filters.colour: unknown filter', code: 'unknown_filter' });
    expect(errorText(filter, zh)).toBe('视图包含客户列表没有的筛选条件。');
  });
});
