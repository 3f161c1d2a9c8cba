// Strings of the churn prediction card on the 360° page (issue 18 §1); feature names come from GET /meta.

export const en = {
  'churn.title': 'Churn prediction',
  'churn.prob': 'Probability of no purchase in the next 90 days',
  'churn.reasons': 'What raises it most',
  'churn.noReasons': 'No single feature stands out.',
  'churn.fromBaseline': 'From purchase timing alone (BG/NBD): the classifier did not rank this run\'s held-out customers better, so it gives no reasons.',
  'churn.cluster': 'Behaviour cluster',
};

export const zh: Record<keyof typeof en, string> = {
  'churn.title': '流失预测',
  'churn.prob': '未来 90 天不再购买的概率',
  'churn.reasons': '主要推高因素',
  'churn.noReasons': '没有突出的单一因素。',
  'churn.fromBaseline': '仅依据购买时间（BG/NBD）：本次运行中分类模型对留出客户的排序并不更好，因此不给出原因。',
  'churn.cluster': '行为分群',
};
