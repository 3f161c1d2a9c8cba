// Strings of the product preference card on the 360° page (issue 18 §3).

export const en = {
  'products.title': 'Product preference',
  'products.none': 'This customer\'s purchases name no category or product.',
  'products.categories': 'Top categories (share of spend)',
  'products.products': 'Top products',
  'products.last': 'last bought {date}',
  'products.next': 'Suggested next: {item}',
  'products.reason': 'Customers who buy {because} also buy {item}: {lift} times as often as customers overall.',
  'products.reasonCount': ' {customers} customers bought both.', // follows products.reason
  'products.noNext': 'No suggestion: no product is bought together with this customer\'s often enough.',
};

export const zh: Record<keyof typeof en, string> = {
  'products.title': '产品偏好',
  'products.none': '该客户的购买记录没有品类或产品。',
  'products.categories': '主要品类（消费占比）',
  'products.products': '主要产品',
  'products.last': '最近购买 {date}',
  'products.next': '推荐下一个产品：{item}',
  'products.reason': '买{because}的客户也买{item}：购买比例是全体客户的 {lift} 倍。',
  'products.reasonCount': '共有 {customers} 位客户两者都买过。',
  'products.noNext': '暂无推荐：没有产品与该客户所买的产品足够经常地一起购买。',
};
