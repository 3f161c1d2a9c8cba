// The customer list: filters live in the URL (shareable, survive back/forward), paging and sort on the server.
import { useState } from 'react';
import { App, Button, Grid, Input, Select, Space, Table, Tag, type CheckboxProps } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { DetailLink } from '../../components/DetailLink';
import { api, download } from '../../api/client';
import { customerQuery, exportQuery, facetQuery, type CustomerFilter, type Sort } from '../../api/query';
import type { CustomerRow, Page, TagCount } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useMeta } from '../../api/Meta';
import { useSession } from '../../auth/Session';
import { useI18n } from '../../i18n/I18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorText } from '../../i18n/errors';
import { TierTag } from '../../components/TierTag';
import { NextStep } from '../../components/NextStep';
import { CustomerCards } from './CustomerCards';
import { BulkBar } from './BulkBar';
import { NONE, pickRows, type Selection } from './bulk';
import { ColumnChooser } from './ColumnChooser';
import { SavedViews } from './SavedViews';
import { cursorFor, totalLabel } from './paging';
import { columnsOf, definitionOf, readColumns, searchOf, withCount, writeColumns, type Column } from './views';

const FILTER_KEYS = ['tier', 'segment', 'segment11', 'lifecycle', 'abc', 'quadrant', 'owner', 'q', 'tag'] as const;
type FilterKey = typeof FILTER_KEYS[number];
/** GET /customers/facets: per filter, the customers each value would show with the other filters applied. */
interface Facets { snapshot: number; facets: Partial<Record<FilterKey, Record<string, number>>> }

export default function Customers() {
  const { t, lang, num, money, pct } = useI18n();
  const { meta, options, codeName } = useMeta();
  const session = useSession();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState<string | null>(null);
  const [columns, setColumns] = useState<Column[]>(() => readColumns(localStorage));

  const filter: CustomerFilter = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 0);
  const size = Number(params.get('size') ?? 50);
  const sortParam = params.get('sort');
  const sort: Sort | null = sortParam ? { field: sortParam.split(',')[0], order: sortParam.endsWith(',desc') ? 'descend' : 'ascend' } : null;
  const after = params.get('after');
  const query = customerQuery(filter, page, size, sort, after);
  const { data, error, loading, reload } = useLoad((signal) => api<Page<CustomerRow>>('/customers' + query, { signal }), [query]);
  const facetsFor = facetQuery(filter);
  // Counted once a dropdown is first opened, then for every filter: seven grouped queries are not free on a big
  // snapshot, and a user who never opens a dropdown needs none.
  const [countsWanted, setCountsWanted] = useState(false);
  const { data: facets } = useLoad((signal) => (countsWanted
    ? api<Facets>('/customers/facets' + facetsFor, { signal }) : Promise.resolve(null)), [facetsFor, countsWanted]);
  const wantCounts = (open: boolean) => { if (open) setCountsWanted(true); };
  // The tags in use among the user's customers, with their counts; asked for when the tag filter is first opened.
  const [tagsWanted, setTagsWanted] = useState(false);
  const { data: tagCounts } = useLoad((signal) => (tagsWanted || filter.tag
    ? api<TagCount[]>('/tags', { signal }) : Promise.resolve(null)), [tagsWanted, Boolean(filter.tag)]);
  // The selection belongs to one filter: a new filter starts with none.
  const filterKey = JSON.stringify(filter);
  const [selected, setSelected] = useState<{ key: string; selection: Selection }>({ key: filterKey, selection: NONE });
  const selection = selected.key === filterKey ? selected.selection : NONE;
  const select = (s: Selection) => setSelected({ key: filterKey, selection: s });

  const phone = !Grid.useBreakpoint().md;
  const totalText = (n: number) => <span data-testid="customer-total">{totalLabel(data, n, t, num)}</span>;
  /** To page `to` of `toSize` in `toSort`: after the shown page's cursor when it is the next one. */
  const goTo = (to: number, toSize: number, toSort: string | null = sortParam) => update({
    page: to, size: toSize, sort: toSort,
    after: cursorFor({ page, size, sort: sortParam }, data?.next, { page: to, size: toSize, sort: toSort }),
  });

  const update = (changes: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') next.delete(key); else next.set(key, String(value));
    }
    // A new filter starts again at the first page; a cursor belongs to the move that asked for it.
    if (!('page' in changes)) next.delete('page');
    if (!('after' in changes)) next.delete('after');
    setParams(next);
  };

  const chooseColumns = (next: Column[]) => { setColumns(next); writeColumns(localStorage, next); };
  const current = definitionOf(filter, sortParam, columns);
  const applyView = (definition: typeof current) => {
    const next = searchOf(definition);
    if (params.get('size')) next.set('size', params.get('size')!);
    setParams(next);
    setColumns(columnsOf(definition));
  };
  /** A dropdown's options with their counts (高价值 (1,234)); the title stays the plain name. */
  const counted = (key: FilterKey, list: { value: string; label: string }[]) => list.map((o) => ({
    ...o, title: o.label, label: facets ? withCount(o.label, facets.facets[key]?.[o.value], num) : o.label,
  }));

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    try {
      await download('/customers/export' + exportQuery(filter, format, sort, lang), `customers.${format}`);
      message.success(t('cust.exported'));
    } catch (e) {
      message.error(errorText(e, t));
    } finally { setExporting(null); }
  };

  const filterSelect = (key: FilterKey, list: Parameters<typeof options>[0], width = 160) => (
    <Select allowClear placeholder={t(`cust.${key}` as 'cust.tier')} aria-label={t(`cust.${key}` as 'cust.tier')} style={{ width }}
      value={filter[key]} data-testid={`filter-${key}`} popupMatchSelectWidth={false} onOpenChange={wantCounts}
      options={counted(key, options(list))} onChange={(v) => update({ [key]: v })} />
  );
  const shown = new Set(columns);

  return (
    <div data-testid="customers">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search key={filter.q ?? ''} allowClear placeholder={t('cust.search')} defaultValue={filter.q} style={{ width: 220 }}
          data-testid="filter-q" onSearch={(q) => update({ q })}
          onChange={(e) => { if (e.target.value === '' && filter.q) update({ q: null }); }} />
        {filterSelect('tier', 'tiers')}
        {filterSelect('lifecycle', 'lifecycle', 130)}
        {filterSelect('segment', 'segments')}
        {filterSelect('segment11', 'segments11')}
        {filterSelect('abc', 'abc', 100)}
        {filterSelect('quadrant', 'quadrants', 130)}
        <Select allowClear showSearch placeholder={t('cust.tag')} aria-label={t('cust.tag')} style={{ width: 130 }}
          value={filter.tag} data-testid="filter-tag" popupMatchSelectWidth={false} optionFilterProp="title"
          onOpenChange={(open) => { if (open) setTagsWanted(true); }}
          options={(tagCounts ?? []).map((c) => ({ value: c.tag, title: c.tag, label: withCount(c.tag, c.customers, num) }))}
          onChange={(v) => update({ tag: v })} />
        {session.can('filterByOwner') && (
          <Select allowClear showSearch placeholder={t('cust.owner')} aria-label={t('cust.owner')} style={{ width: 130 }}
            value={filter.owner} data-testid="filter-owner" popupMatchSelectWidth={false} optionFilterProp="title"
            onOpenChange={wantCounts}
            options={counted('owner', (meta?.owners ?? []).map((o) => ({ value: o, label: o })))} onChange={(v) => update({ owner: v })} />
        )}
        <Button onClick={() => setParams(new URLSearchParams())} data-testid="filter-reset">{t('cust.reset')}</Button>
        {!phone && <ColumnChooser columns={columns} onChange={chooseColumns} />}
        {session.can('exportCustomers') && <>
          <Button icon={<DownloadOutlined />} loading={exporting === 'csv'} onClick={() => exportAs('csv')} data-testid="export-csv">{t('cust.exportCsv')}</Button>
          <Button icon={<DownloadOutlined />} loading={exporting === 'xlsx'} onClick={() => exportAs('xlsx')} data-testid="export-xlsx">{t('cust.exportXlsx')}</Button>
        </>}
      </Space>
      <div style={{ marginBottom: 16 }}><SavedViews current={current} onApply={(v) => applyView(v.definition)} /></div>
      <ErrorAlert error={error} />
      <BulkBar selection={selection} filter={filter} total={data?.total ?? 0} onSelect={select}
        onDone={() => { select(NONE); reload(); }} />
      {phone ? <CustomerCards data={data} loading={loading} page={page} size={size} totalText={totalText}
        onPage={(p, s) => goTo(p, s)} /> : <Table<CustomerRow>
        rowKey="id" size="small" loading={loading} dataSource={data?.items ?? []} scroll={{ x: 1200 }}
        data-testid="customer-table"
        rowSelection={{
          selectedRowKeys: selection.kind === 'rows' ? selection.ids : (data?.items ?? []).map((r) => r.id),
          preserveSelectedRowKeys: true, getCheckboxProps: (row) => ({ 'aria-label': row.name || row.id }) as Partial<CheckboxProps>,
          onChange: (keys) => select(pickRows(keys.map(String))),
        }}
        onRow={(row) => ({ 'data-testid': 'customer-row', 'data-id': row.id, 'data-owner': row.owner ?? '', 'data-tier': row.tier }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page + 1, pageSize: size, total: data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200],
          showTotal: totalText,
        }}
        onChange={(pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const nextSort = s?.order && s.columnKey ? `${String(s.columnKey)},${s.order === 'descend' ? 'desc' : 'asc'}` : null;
          goTo((pagination.current ?? 1) - 1, pagination.pageSize ?? size, nextSort);
        }}
        columns={[
          sortable('id', t('cust.id'), sort, (id: string) => <DetailLink to={`/customers/${encodeURIComponent(id)}`} data-testid="customer-link">{id}</DetailLink>),
          sortable('name', t('cust.name'), sort),
          sortable('tier', t('cust.tier'), sort, (tier: string, row: CustomerRow) => (
            <Space size={4}><TierTag tier={tier} />{row.overridden && <Tag data-testid="overridden-mark">{t('cust.overridden')}</Tag>}</Space>
          )),
          { key: 'owner', dataIndex: 'owner', title: t('cust.owner'), render: (o: string | null) => <span data-testid="row-owner">{o ?? '—'}</span> },
          { key: 'lifecycle', dataIndex: 'lifecycle', title: t('cust.lifecycle'), render: (v: string) => codeName('lifecycle', v) },
          { key: 'segment', dataIndex: 'segment', title: t('cust.segment'), render: (v: string) => codeName('segments', v) },
          { key: 'abc', dataIndex: 'abc', title: t('cust.abc') },
          sortable('compositeScore', t('cust.score'), sort, (v: number | null) => num(v, 1), 'right'),
          sortable('monetary', t('cust.monetary'), sort, (v: number | null) => money(v), 'right'),
          sortable('frequency', t('cust.frequency'), sort, (v: number | null) => num(v), 'right'),
          sortable('recencyDays', t('cust.recency'), sort, (v: number | null) => num(v), 'right'),
          sortable('clv', t('cust.clv'), sort, (v: number | null) => money(v), 'right'),
          sortable('pAlive', t('cust.pAlive'), sort, (v: number | null) => pct(v), 'right'),
          { key: 'nextTask', dataIndex: 'nextTask', title: t('cust.nextTask'), render: (_: unknown, row: CustomerRow) => <NextStep row={row} /> },
        ].filter((c) => shown.has(c.key as Column))}
      />}
    </div>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sortable(field: string, title: string, sort: Sort | null, render?: (value: any, row: CustomerRow) => ReactNode, align?: 'right') {
  return {
    key: field, dataIndex: field, title, sorter: true, align,
    sortOrder: sort?.field === field ? sort.order : null, render,
  };
}
