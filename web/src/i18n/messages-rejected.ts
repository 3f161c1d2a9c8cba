// Strings of the import page's table of refused rows (issue 17 §3).

export const en = {
  'imp.rejectedRows': 'Refused rows',
  'imp.rejectedLine': 'Line', 'imp.rejectedReason': 'Reason', 'imp.rejectedRaw': 'Row as in the file',
  'imp.rejectedMore': 'The first 20 are shown; download the file for all of them.',
};

export const zh: Record<keyof typeof en, string> = {
  'imp.rejectedRows': '被拒绝的行',
  'imp.rejectedLine': '行号', 'imp.rejectedReason': '原因', 'imp.rejectedRaw': '文件中的原始内容',
  'imp.rejectedMore': '仅显示前 20 行；下载文件可查看全部。',
};
