// Names of the fields an import maps file columns to (strata.intake.Column keys), in both languages.
export const en = {
  'field.customer_id': 'Customer ID', 'field.order_date': 'Order date', 'field.amount': 'Amount', 'field.order_id': 'Order ID',
  'field.product': 'Product', 'field.category': 'Category', 'field.quantity': 'Quantity', 'field.channel': 'Channel',
  'field.name': 'Customer name', 'field.industry': 'Industry', 'field.size': 'Company size', 'field.region': 'Region',
  'field.owner': 'Owner', 'field.phone': 'Phone', 'field.email': 'E-mail', 'field.birthday': 'Birthday',
  'field.created': 'Customer since', 'field.time': 'Time', 'field.type': 'Type', 'field.outcome': 'Outcome',
  'field.nps': 'NPS (0–10)', 'field.csat': 'CSAT (1–5)', 'field.comment': 'Comment',
};

export const zh: typeof en = {
  'field.customer_id': '客户编号', 'field.order_date': '下单日期', 'field.amount': '金额', 'field.order_id': '订单编号',
  'field.product': '产品', 'field.category': '品类', 'field.quantity': '数量', 'field.channel': '渠道',
  'field.name': '客户名称', 'field.industry': '行业', 'field.size': '企业规模', 'field.region': '地区',
  'field.owner': '负责人', 'field.phone': '电话', 'field.email': '邮箱', 'field.birthday': '生日',
  'field.created': '建档日期', 'field.time': '时间', 'field.type': '类型', 'field.outcome': '结果',
  'field.nps': 'NPS 评分（0–10）', 'field.csat': '满意度（1–5）', 'field.comment': '评价',
};
