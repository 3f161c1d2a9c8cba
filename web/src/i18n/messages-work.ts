// Strings of the work follow-ups: escalation in the pool, call list export, customer list bulk actions, playbook
// preview, the 360° page's contact budget and next care event.
export const en = {
  'pool.rule.escalation': 'Task overdue too long', 'pool.rule.policy': 'Its tier is served from the pool',
  'work.newDue': 'New due day', 'work.newDueRequired': 'Pick the new due day', 'work.rescheduled': 'Task moved to {date}',
  'bulk.selected': '{n} selected', 'bulk.allFilter': 'Select all {n} of this filter', 'bulk.clear': 'Clear selection',
  'bulk.assign': 'Assign owner', 'bulk.task': 'Create task', 'bulk.callList': 'Export call list',
  'bulk.owner': 'New owner', 'bulk.taskType': 'Task type', 'bulk.channel': 'Channel', 'bulk.due': 'Due day',
  'bulk.note': 'Purpose', 'bulk.done': '{n} customers updated', 'bulk.tasksDone': '{n} tasks created, {skipped} already open',
  'bulk.tooMany': 'At most {max} customers per bulk action; narrow the filter.',
  'preview.title': 'Playbook preview', 'preview.summary': 'Next {days} days: {n} tasks, {m} suppressed by caps',
  'preview.tier': 'Tier', 'preview.owner': 'Rep', 'preview.pool': 'Pool', 'preview.tasks': 'Tasks',
  'preview.suppressed': 'Suppressed by caps',
  'outlook.title': 'Contact budget and care', 'outlook.noCaps': 'No contact caps in this tier.',
  'outlook.cap': '{channel}, this {period}: {left} of {limit} left', 'outlook.all': 'All channels',
  'outlook.week': 'week', 'outlook.month': 'month', 'outlook.noCare': 'No care event within a year.',
  'outlook.care': 'Next care: {event} on {date} (task due {task})',
  'care.birthday': 'Birthday', 'care.anniversary': 'Customer anniversary', 'care.spring_festival': 'Spring Festival',
  'care.dragon_boat': 'Dragon Boat Festival', 'care.mid_autumn': 'Mid-Autumn Festival',
};

export const zh: Record<keyof typeof en, string> = {
  'pool.rule.escalation': '任务逾期过久', 'pool.rule.policy': '所在等级由公海服务',
  'work.newDue': '新的到期日', 'work.newDueRequired': '请选择新的到期日', 'work.rescheduled': '任务已改期至 {date}',
  'bulk.selected': '已选 {n} 位', 'bulk.allFilter': '选择当前筛选的全部 {n} 位', 'bulk.clear': '清除选择',
  'bulk.assign': '分配负责人', 'bulk.task': '创建任务', 'bulk.callList': '导出电话清单',
  'bulk.owner': '新负责人', 'bulk.taskType': '任务类型', 'bulk.channel': '渠道', 'bulk.due': '到期日',
  'bulk.note': '目的', 'bulk.done': '已更新 {n} 位客户', 'bulk.tasksDone': '已创建 {n} 个任务，{skipped} 个已存在',
  'bulk.tooMany': '每次批量操作最多 {max} 位客户，请缩小筛选范围。',
  'preview.title': '服务剧本预览', 'preview.summary': '未来 {days} 天：{n} 个任务，{m} 个因接触上限被抑制',
  'preview.tier': '等级', 'preview.owner': '负责人', 'preview.pool': '公海', 'preview.tasks': '任务',
  'preview.suppressed': '因上限抑制',
  'outlook.title': '接触额度与关怀', 'outlook.noCaps': '该等级未设接触上限。',
  'outlook.cap': '{channel}，本{period}剩余 {left} / {limit} 次', 'outlook.all': '全部渠道',
  'outlook.week': '周', 'outlook.month': '月', 'outlook.noCare': '一年内无关怀事件。',
  'outlook.care': '下一次关怀：{date} {event}（任务 {task} 到期）',
  'care.birthday': '生日', 'care.anniversary': '成为客户周年', 'care.spring_festival': '春节',
  'care.dragon_boat': '端午节', 'care.mid_autumn': '中秋节',
};
