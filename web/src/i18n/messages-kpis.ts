// Strings of the KPI-by-tier table: its states, the group it shows and the pickers of that group (issue 16).

export const en = {
  'err.kpis_computing': 'The KPIs of this snapshot are being computed after the server started; try again in a minute.',
  'kpiTier.pAlive': 'Avg P(alive)', 'kpiTier.csat': 'CSAT (answers)',
  'kpiTier.coverage': 'Contact coverage', 'kpiTier.completion': 'Task completion (due)',
  'kpiGroup.all': 'All customers', 'kpiGroup.own': 'Your customers', 'kpiGroup.team': 'Team {name}',
  'kpiGroup.teamTotal': 'Team {name} (total)', 'kpiGroup.owner': 'Owner {name}', 'kpiGroup.region': 'Region {name}',
  'kpiGroup.industry': 'Industry {name}',
  'kpiGroup.dim.all': 'All customers', 'kpiGroup.dim.team': 'By team', 'kpiGroup.dim.owner': 'By owner',
  'kpiGroup.dim.region': 'By region', 'kpiGroup.dim.industry': 'By industry',
  'kpiGroup.dimension': 'Group customers', 'kpiGroup.group': 'Group', 'kpiGroup.pick': 'Team total or one rep',
  'kpiGroup.noTeam': 'This snapshot has no team totals (its KPIs were computed before your team had reps with customers): the figures are of the rep named.',
};

export const zh: Record<keyof typeof en, string> = {
  'err.kpis_computing': '服务器启动后正在计算该快照的关键指标，请稍后再试。',
  'kpiTier.pAlive': '平均存活概率', 'kpiTier.csat': 'CSAT（答卷数）',
  'kpiTier.coverage': '联系覆盖率', 'kpiTier.completion': '任务完成率（到期数）',
  'kpiGroup.all': '全部客户', 'kpiGroup.own': '我的客户', 'kpiGroup.team': '团队 {name}',
  'kpiGroup.teamTotal': '团队 {name}（合计）', 'kpiGroup.owner': '负责人 {name}', 'kpiGroup.region': '地区 {name}',
  'kpiGroup.industry': '行业 {name}',
  'kpiGroup.dim.all': '全部客户', 'kpiGroup.dim.team': '按团队', 'kpiGroup.dim.owner': '按负责人',
  'kpiGroup.dim.region': '按地区', 'kpiGroup.dim.industry': '按行业',
  'kpiGroup.dimension': '客户分组', 'kpiGroup.group': '分组', 'kpiGroup.pick': '团队合计或单个销售',
  'kpiGroup.noTeam': '该快照没有团队合计（计算其指标时你的团队尚无负责客户的销售）：下列数据为所选销售的客户。',
};
