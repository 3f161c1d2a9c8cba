// Strings of the team view's cadence coverage (issue 15 §4).

export const en = {
  'work.coverage': 'Cadence kept',
  'work.coverageHelp': 'Customers contacted within their tier\'s cadence, of those whose tier has one (overdue or suppressed cadence calls count as not kept)',
  'work.coverageTier': '{tier}: {covered} of {customers} ({share})',
  'work.coverageNone': 'no tier with a cadence',
};

export const zh: Record<keyof typeof en, string> = {
  'work.coverage': '按节奏覆盖',
  'work.coverageHelp': '分级设有跟进节奏的客户中，按节奏联系到的比例（节奏任务逾期或被抑制即未覆盖）',
  'work.coverageTier': '{tier}：{covered}/{customers}（{share}）',
  'work.coverageNone': '无设节奏的分级',
};
