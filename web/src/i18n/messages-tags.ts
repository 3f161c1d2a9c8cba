// Strings of customer tags (标签): the list's tag filter, the bulk tag actions and the 360° page's tags.

export const en = {
  'cust.tag': 'Tag',
  'tags.title': 'Tags',
  'tags.none': 'No tags',
  'tags.add': 'Add tag',
  'tags.placeholder': 'New tag, Enter to add',
  'tags.removeOne': 'Remove tag {tag}',
  'bulk.tag': 'Add tag',
  'bulk.untag': 'Remove tag',
  'bulk.tagName': 'Tag',
  'bulk.tagged': '{n} customers tagged "{tag}" ({same} had it already).',
  'bulk.untagged': 'Tag "{tag}" removed from {n} customers.',
  'err.tag_empty': 'A tag cannot be empty.',
  'err.tag_too_long': 'A tag has at most 30 characters.',
  'err.tag_control': 'A tag may not contain line breaks, tabs or invisible characters.',
  'err.too_many_tags': 'A customer has at most 50 tags; remove some first. Nothing was changed.',
};

export const zh: Record<keyof typeof en, string> = {
  'cust.tag': '标签',
  'tags.title': '标签',
  'tags.none': '暂无标签',
  'tags.add': '添加标签',
  'tags.placeholder': '输入新标签，回车添加',
  'tags.removeOne': '移除标签 {tag}',
  'bulk.tag': '添加标签',
  'bulk.untag': '移除标签',
  'bulk.tagName': '标签',
  'bulk.tagged': '已为 {n} 位客户添加标签“{tag}”（{same} 位原已有此标签）。',
  'bulk.untagged': '已从 {n} 位客户移除标签“{tag}”。',
  'err.tag_empty': '标签不能为空。',
  'err.tag_too_long': '标签最多 30 个字符。',
  'err.tag_control': '标签不能包含换行、制表符或不可见字符。',
  'err.too_many_tags': '每位客户最多 50 个标签，请先移除部分标签。未做任何更改。',
};
