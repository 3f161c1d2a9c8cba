// Strings of the override history on the customer 360° page (issue 14 §1: history stays true).

export const en = {
  'overrides.title': 'Tier overrides',
  'overrides.none': 'No overrides.',
  'overrides.active': 'in force',
  'overrides.activeUntil': 'in force until {date}',
  'overrides.expired': 'expired {date}',
  'overrides.removed': 'removed by {user} {date}',
  'overrides.ended': 'ended by the system {date}',
  'overrides.endedWhy': 'ended by the system {date}: {why}',
};

export const zh: Record<keyof typeof en, string> = {
  'overrides.title': '等级调整记录',
  'overrides.none': '没有调整记录。',
  'overrides.active': '生效中',
  'overrides.activeUntil': '生效中，至 {date}',
  'overrides.expired': '已于 {date} 到期',
  'overrides.removed': '{user} 于 {date} 撤销',
  'overrides.ended': '系统于 {date} 结束',
  'overrides.endedWhy': '系统于 {date} 结束：{why}',
};
