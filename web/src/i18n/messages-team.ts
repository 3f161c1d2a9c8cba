// Strings of the managers' team view: tiers per rep and escalations (issue 15 §4).

export const en = {
  'work.teamHint': 'Open tasks include the overdue ones; done and escalations over the last {days} days (since {since}). Expand a rep for their tiers; click a rep to see their list.',
  'work.escalated': 'Escalated',
  'work.escalatedHelp': 'Overdue tasks the manager was told of, or whose customer went to another rep or back to the pool',
  'work.escalations': 'Escalations ({n}, newest first)',
  'work.escalationsNone': 'No escalation in this period.',
  'work.escalation.manager': 'Manager told: overdue task of {from}',
  'work.escalation.reassign': 'Moved from {from} to {to} after {days} overdue days',
  'work.escalation.reassignHidden': 'Moved from {from} to another rep after {days} overdue days',
  'work.escalation.pool': 'Returned to the pool from {from} after {days} overdue days',
  'work.poolOwner': '(pool)',
  'work.period': 'Period',
  'work.periodDays': '{days} days',
};

export const zh: Record<keyof typeof en, string> = {
  'work.teamHint': '待办含逾期；已完成与升级统计最近 {days} 天（自 {since} 起）。展开负责人查看各分级；点击负责人查看其任务。',
  'work.escalated': '升级',
  'work.escalatedHelp': '逾期后通知了主管，或客户被转给他人、退回公海的任务',
  'work.escalations': '升级记录（{n} 条，最新在前）',
  'work.escalationsNone': '本期没有升级。',
  'work.escalation.manager': '已通知主管：{from} 的任务逾期',
  'work.escalation.reassign': '逾期 {days} 天，由 {from} 转给 {to}',
  'work.escalation.reassignHidden': '逾期 {days} 天，由 {from} 转给其他负责人',
  'work.escalation.pool': '逾期 {days} 天，由 {from} 退回公海',
  'work.poolOwner': '（公海）',
  'work.period': '统计期',
  'work.periodDays': '{days} 天',
};
