// Strings of the notice on a merged-away customer's page (issue 18 §4: accepted duplicate pairs).

export const en = {
  'merged.into': 'Merged into',
  'merged.intoHidden': 'Merged into another customer, who is not among the customers you can see.',
  'merged.applied': 'An accepted duplicate pair made this record part of that customer: its purchases, products and tier count there, so it has no tier of its own.',
  'merged.pending': 'Accepted as a duplicate: from the next run this record counts under that customer. Until then it keeps the tier of the current snapshot.',
  'merged.from': 'Also counts the records of',
  'merged.fromHidden': 'and {n} more you may not see',
  'merged.fromOnlyHidden': 'Also counts merged records you may not see: {n}',
  'merged.fromDetail': 'Accepted duplicate pairs made these records part of this customer: from the run after each was accepted, their purchases and products count here.',
};

export const zh: Record<keyof typeof en, string> = {
  'merged.into': '已合并到',
  'merged.intoHidden': '已合并到另一位客户，该客户不在您可查看的客户范围内。',
  'merged.applied': '重复客户审核已确认两者为同一客户：此记录的购买、产品和等级都计入该客户，因此它没有自己的等级。',
  'merged.pending': '已确认为重复客户：从下一次运行起，此记录计入该客户；在此之前保留当前快照中的等级。',
  'merged.from': '同时计入以下记录',
  'merged.fromHidden': '另有 {n} 条您无权查看',
  'merged.fromOnlyHidden': '同时计入 {n} 条您无权查看的已合并记录',
  'merged.fromDetail': '重复客户审核已确认这些记录与本客户为同一客户：自确认后的下一次运行起，它们的购买和产品都计入本客户。',
};
