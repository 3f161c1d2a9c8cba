// Strings of the churn prediction card on the 360° page (issue 18 §1); feature names come from GET /meta.

export const en = {
  'churn.title': 'Churn prediction',
  'churn.prob': 'Probability of no purchase in the next 90 days',
  'churn.reasons': 'What raises it most',
  'churn.noReasons': 'No single feature stands out.',
  'churn.cluster': 'Behaviour cluster',
};

export const zh: Record<keyof typeof en, string> = {
  'churn.title': '流失预测',
  'churn.prob': '未来 90 天不再购买的概率',
  'churn.reasons': '主要推高因素',
  'churn.noReasons': '没有突出的单一因素。',
  'churn.cluster': '行为分群',
};
