// Strings of the work follow-ups: escalation in the pool, call list export, customer list bulk actions, playbook
// preview.
export const en = {
  'pool.rule.escalation': 'Task overdue too long',
  'bulk.selected': '{n} selected', 'bulk.allFilter': 'Select all {n} of this filter', 'bulk.clear': 'Clear selection',
  'bulk.assign': 'Assign owner', 'bulk.task': 'Create task', 'bulk.callList': 'Export call list',
  'bulk.owner': 'New owner', 'bulk.taskType': 'Task type', 'bulk.channel': 'Channel', 'bulk.due': 'Due day',
  'bulk.note': 'Purpose', 'bulk.done': '{n} customers updated', 'bulk.tasksDone': '{n} tasks created, {skipped} already open',
  'bulk.tooMany': 'At most {max} customers per bulk action; narrow the filter.',
  'preview.title': 'Playbook preview', 'preview.summary': 'Next {days} days: {n} tasks, {m} suppressed by caps',
  'preview.tier': 'Tier', 'preview.owner': 'Rep', 'preview.pool': 'Pool', 'preview.tasks': 'Tasks',
  'preview.suppressed': 'Suppressed by caps',
};

export const zh: Record<keyof typeof en, string> = {
  'pool.rule.escalation': '任务逾期过久',
  'bulk.selected': '已选 {n} 位', 'bulk.allFilter': '选择当前筛选的全部 {n} 位', 'bulk.clear': '清除选择',
  'bulk.assign': '分配负责人', 'bulk.task': '创建任务', 'bulk.callList': '导出电话清单',
  'bulk.owner': '新负责人', 'bulk.taskType': '任务类型', 'bulk.channel': '渠道', 'bulk.due': '到期日',
  'bulk.note': '目的', 'bulk.done': '已更新 {n} 位客户', 'bulk.tasksDone': '已创建 {n} 个任务，{skipped} 个已存在',
  'bulk.tooMany': '每次批量操作最多 {max} 位客户，请缩小筛选范围。',
  'preview.title': '服务剧本预览', 'preview.summary': '未来 {days} 天：{n} 个任务，{m} 个因接触上限被抑制',
  'preview.tier': '等级', 'preview.owner': '负责人', 'preview.pool': '公海', 'preview.tasks': '任务',
  'preview.suppressed': '因上限抑制',
};
