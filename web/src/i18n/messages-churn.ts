// Strings of the churn prediction card on the 360° page (issue 18 §1); feature names come from GET /meta. A cluster is
// described from the codes the server stores for it (where its centre lies on each axis), as core's labels name it.

export const en = {
  'churn.title': 'Churn prediction',
  'churn.prob': 'Probability of no purchase in the next 90 days',
  'churn.reasons': 'What raises it most',
  'churn.noReasons': 'No single feature stands out.',
  'churn.fromBaseline': 'From purchase timing alone (BG/NBD): the classifier did not rank this run\'s held-out customers better, so it gives no reasons.',
  'churn.cluster': 'Behaviour cluster',
  'churn.clusterText': '#{id}: {frequency} {size}, {recency}',
  'churn.clusterCentre': 'typical member: bought {days} days ago, on {purchaseDays} days, {aov} an order',
  'cluster.frequency.high': 'frequent', 'cluster.frequency.mid': 'regular', 'cluster.frequency.low': 'occasional',
  'cluster.size.high': 'large orders', 'cluster.size.mid': 'mid-size orders', 'cluster.size.low': 'small orders',
  'cluster.recency.low': 'recent', 'cluster.recency.mid': 'cooling', 'cluster.recency.high': 'lapsed',
};

export const zh: Record<keyof typeof en, string> = {
  'churn.title': '流失预测',
  'churn.prob': '未来 90 天不再购买的概率',
  'churn.reasons': '主要推高因素',
  'churn.noReasons': '没有突出的单一因素。',
  'churn.fromBaseline': '仅依据购买时间（BG/NBD）：本次运行中分类模型对留出客户的排序并不更好，因此不给出原因。',
  'churn.cluster': '行为分群',
  'churn.clusterText': '#{id}：{frequency}{size}、{recency}',
  'churn.clusterCentre': '典型客户：{days} 天前购买，共 {purchaseDays} 个购买日，客单价 {aov}',
  'cluster.frequency.high': '高频', 'cluster.frequency.mid': '中频', 'cluster.frequency.low': '低频',
  'cluster.size.high': '大额', 'cluster.size.mid': '中额', 'cluster.size.low': '小额',
  'cluster.recency.low': '近期活跃', 'cluster.recency.mid': '活跃减弱', 'cluster.recency.high': '久未购买',
};
