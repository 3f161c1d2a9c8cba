// The KPI-by-tier table and the KPI trend of one group of customers, picked above the table (kpiGroups.ts): those
// who see all pick a dimension and a group, a manager the team's totals or one rep, a sales user has their own.
import { useState } from 'react';
import { Col, Select } from 'antd';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';
import {
  dimensionsOf, groupsOf, resolveChoice, scopedChoices, seesAll, trendPath,
  type GroupChoice, type KpiGroup,
} from './kpiGroups';
import type { KpiPoint } from './kpiTrend';
import { KpiByTier, type KpiTable } from './KpiByTier';
import { KpiTrend } from './KpiTrend';
import { takeStarted } from './dashboardLoads';

export function KpiSection({ snapshot }: { snapshot: number }) {
  const { lang } = useI18n();
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  // The current snapshot's table was asked for as the dashboard opened; it serves when it is this snapshot's.
  const table = useLoad(async (signal) => {
    const early = await takeStarted<KpiTable>('/kpis')?.catch(() => null);
    return early?.runId === snapshot ? early : api<KpiTable>(`/kpis?snapshot=${snapshot}`, { signal });
  }, [snapshot]);
  const [wanted, setWanted] = useState<GroupChoice | null>(null);
  const choice = table.data ? resolveChoice(table.data.groups, wanted, locale) : null;
  // The trend waits for the table, which decides the group; a table that failed leaves the server's default.
  const settled = !!table.data || !!table.error;
  const trend = useLoad(() => (settled ? api<KpiPoint[]>(trendPath(choice)) : Promise.resolve(null)),
    [snapshot, settled, choice?.dimension, choice?.group]);
  const picker = table.data && <GroupPicker groups={table.data.groups} choice={choice} onChoose={setWanted} locale={locale} />;
  return (
    <>
      <Col xs={24}><KpiByTier table={table.data} error={table.error} choice={choice} picker={picker} trend={trend.data} snapshot={snapshot} /></Col>
      <Col xs={24}><KpiTrend points={trend.data} group={choice} /></Col>
    </>
  );
}

function GroupPicker({ groups, choice, onChoose, locale }: {
  groups: KpiGroup[]; choice: GroupChoice | null; onChoose: (c: GroupChoice) => void; locale: string;
}) {
  const { t } = useI18n();
  const key = (c: GroupChoice) => `${c.dimension}\u0000${c.group}`;
  if (!seesAll(groups)) {
    const choices = scopedChoices(groups, locale);
    if (choices.length < 2 || !choice) return null;
    return (
      <Select<string> size="small" value={key(choice)} style={{ minWidth: 200 }} aria-label={t('kpiGroup.pick')}
        data-testid="kpi-group-pick" onChange={(v) => onChoose(choices.find((c) => key(c) === v) ?? choice)}
        options={choices.map((c) => ({
          value: key(c), label: c.dimension === 'team' ? t('kpiGroup.teamTotal', { name: c.group }) : c.group,
        }))} />
    );
  }
  const dimension = choice?.dimension ?? 'all';
  return (
    <>
      <Select<string> size="small" value={dimension} style={{ minWidth: 130 }} aria-label={t('kpiGroup.dimension')}
        data-testid="kpi-dimension" onChange={(d) => onChoose({ dimension: d, group: groupsOf(groups, d, locale)[0] ?? '' })}
        options={dimensionsOf(groups).map((d) => ({ value: d, label: t(`kpiGroup.dim.${d}` as MessageKey) }))} />
      {dimension !== 'all' && choice && (
        <Select<string> size="small" showSearch value={choice.group} style={{ minWidth: 160 }} aria-label={t('kpiGroup.group')}
          data-testid="kpi-group" onChange={(group) => onChoose({ dimension, group })}
          options={groupsOf(groups, dimension, locale).map((g) => ({ value: g, label: g }))} />
      )}
    </>
  );
}
