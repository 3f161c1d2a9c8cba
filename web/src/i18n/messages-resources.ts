// Strings of the tiers' budget lines (service.resources): the 360° page's line for the owner and My work's table.

export const en = {
  'resources.title': 'Budget by tier', 'resources.titleTeam': 'Team budget by tier',
  'resources.hint': 'Gift budget = customers in the tier × gift value per customer per year. Rep hours: the share of the team\'s hours the playbook plans for the tier.',
  'resources.tier': 'Tier', 'resources.customers': 'Customers', 'resources.giftValue': 'Gifts per customer a year',
  'resources.giftBudget': 'Gift budget a year', 'resources.discount': 'Discount up to', 'resources.repHours': 'Rep hours',
  'resources.total': 'Total', 'resources.none': 'No tier sets a budget (service.resources in the tier model).',
  'resources.gift': 'Gifts up to {value} a year', 'resources.discountLine': 'discount up to {share}',
  'resources.hoursLine': 'the tier takes {share} of rep hours',
  'resources.repSplit': 'Open tasks in hours per rep',
  'resources.repSplitHint': 'Estimated by channel: a visit 90 min, a call 15, WeChat or email 5, SMS 2. Each tier: hours, the share of the rep\'s hours, and the tier\'s planned share.',
  'resources.rep': 'Rep', 'resources.hours': 'Hours', 'resources.tierHours': '{hours} h · {share} (plan {target})',
};

export const zh: Record<keyof typeof en, string> = {
  'resources.title': '各分级预算', 'resources.titleTeam': '团队各分级预算',
  'resources.hint': '礼品预算 = 该分级客户数 × 每位客户每年礼品额度。销售工时：服务方案为该分级安排的团队工时占比。',
  'resources.tier': '分级', 'resources.customers': '客户数', 'resources.giftValue': '每客户每年礼品额度',
  'resources.giftBudget': '年度礼品预算', 'resources.discount': '折扣上限', 'resources.repHours': '销售工时占比',
  'resources.total': '合计', 'resources.none': '没有分级设置预算（分级模型中的 service.resources）。',
  'resources.gift': '每年礼品不超过 {value}', 'resources.discountLine': '折扣不超过 {share}',
  'resources.hoursLine': '该分级占销售工时 {share}',
  'resources.repSplit': '各销售的待办工时',
  'resources.repSplitHint': '按渠道估算：拜访 90 分钟，电话 15 分钟，微信或邮件 5 分钟，短信 2 分钟。每个分级：工时、占该销售工时的比例，以及该分级的计划占比。',
  'resources.rep': '销售', 'resources.hours': '工时', 'resources.tierHours': '{hours} 小时 · {share}（计划 {target}）',
};
