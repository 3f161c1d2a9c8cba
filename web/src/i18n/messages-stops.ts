// Why a planned touch is held back or a task cancelled: the server's suppressed_by codes (core's StopReason), shown on
// the 360° page and the work list.
export const en = {
  'stop.why': 'Why not',
  'stop.cap': '{channel}: at most {limit} a {period} (cap reached)',
  'stop.no_phone': 'No phone number for {channel}', 'stop.no_email': 'No email address',
  'stop.no_consent': 'No consent to contact by {channel}', 'stop.do_not_contact': 'The customer asked not to be contacted',
  'stop.holdout': 'Held out: control group of experiment {id}', 'stop.tier_changed': 'The tier changed to {tier}',
  'stop.contacted': 'Contacted on {date}', 'stop.no_longer_due': 'No longer due', 'stop.customer_removed': 'The customer was removed',
};

export const zh: Record<keyof typeof en, string> = {
  'stop.why': '原因',
  'stop.cap': '{channel}每{period}最多 {limit} 次（已达上限）',
  'stop.no_phone': '缺少电话号码（{channel}）', 'stop.no_email': '缺少邮箱',
  'stop.no_consent': '客户未同意通过{channel}联系', 'stop.do_not_contact': '客户要求免打扰',
  'stop.holdout': '实验 {id} 的对照组，留出不做', 'stop.tier_changed': '等级已变为 {tier}',
  'stop.contacted': '已于 {date} 联系', 'stop.no_longer_due': '已不再需要', 'stop.customer_removed': '客户已被移除',
};
