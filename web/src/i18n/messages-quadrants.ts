// Strings of the dashboard's value x potential matrix (issue 17 §3). Quadrant names come from the server's meta codes.

export const en = {
  'dash.quadrants': 'Value × potential',
  'dash.quadrantsHint': 'Click a cell to list its customers.',
  'dash.quadrant.value': 'Value', 'dash.quadrant.potential': 'Potential',
  'dash.quadrant.low': 'Low', 'dash.quadrant.high': 'High',
  'dash.quadrant.cell': '{customers} customers · {revenue}',
  'dash.quadrant.unknown': '{customers} customers without a quadrant (value or potential unknown)',
};

export const zh: Record<keyof typeof en, string> = {
  'dash.quadrants': '价值 × 潜力矩阵',
  'dash.quadrantsHint': '点击格子查看其中的客户。',
  'dash.quadrant.value': '价值', 'dash.quadrant.potential': '潜力',
  'dash.quadrant.low': '低', 'dash.quadrant.high': '高',
  'dash.quadrant.cell': '{customers} 位客户 · {revenue}',
  'dash.quadrant.unknown': '{customers} 位客户无象限（价值或潜力未知）',
};
