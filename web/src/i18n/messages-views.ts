// Strings of the customer list's saved views, column chooser and the codes of the views API's problems (issue 17 §3).

export const en = {
  'views.none': 'Saved views', 'views.save': 'Save view', 'views.saveAs': 'Save as new view',
  'views.update': 'Update this view', 'views.delete': 'Delete view', 'views.deleteConfirm': 'Delete the view "{name}"?',
  'views.name': 'Name', 'views.shared': 'Share with all users', 'views.sharedTag': 'shared', 'views.by': 'by {owner}',
  'views.saved': 'View saved', 'views.deleted': 'View deleted', 'views.nameRule': 'A name of 1 to 80 characters.',
  'views.sharedNote': 'A shared view holds filters, sort and columns only: everyone still sees just the customers they may see.',
  'views.cancel': 'Cancel',
  'columns.choose': 'Columns', 'columns.all': 'All columns',
  'cust.nextTask': 'Next step', 'cust.nextTaskNone': 'Nothing planned', 'cust.nextTaskOverdue': 'overdue',
  'err.unknown_filter': 'The view names a filter the customer list does not have.',
  'err.unknown_sort': 'The view sorts by a field the customer list cannot sort by.',
  'err.unknown_column': 'The view shows a column the customer list does not have.',
  'err.invalid_view': 'The view is not in the expected form (filters, sort, columns).',
  'err.view_too_large': 'The view is too large; shorten the search text.',
  'err.too_many_views': 'You have 100 saved views; delete one first.',
  'err.not_view_owner': 'Only the view\'s owner or an administrator may change it.',
};

export const zh: Record<keyof typeof en, string> = {
  'views.none': '已保存视图', 'views.save': '保存视图', 'views.saveAs': '另存为新视图',
  'views.update': '更新此视图', 'views.delete': '删除视图', 'views.deleteConfirm': '删除视图“{name}”？',
  'views.name': '名称', 'views.shared': '共享给所有用户', 'views.sharedTag': '共享', 'views.by': '创建人：{owner}',
  'views.saved': '视图已保存', 'views.deleted': '视图已删除', 'views.nameRule': '名称为 1 至 80 个字符。',
  'views.sharedNote': '共享视图只保存筛选、排序和显示列：每个人仍只能看到自己有权查看的客户。',
  'views.cancel': '取消',
  'columns.choose': '显示列', 'columns.all': '全部列',
  'cust.nextTask': '下一步', 'cust.nextTaskNone': '暂无计划', 'cust.nextTaskOverdue': '已逾期',
  'err.unknown_filter': '视图包含客户列表没有的筛选条件。',
  'err.unknown_sort': '视图的排序字段在客户列表中不可用。',
  'err.unknown_column': '视图包含客户列表没有的列。',
  'err.invalid_view': '视图格式不正确（应包含筛选、排序和显示列）。',
  'err.view_too_large': '视图内容过长，请缩短搜索文字。',
  'err.too_many_views': '您已保存 100 个视图，请先删除一个。',
  'err.not_view_owner': '只有视图的创建人或管理员可以修改此视图。',
};
