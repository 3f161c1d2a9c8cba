// Strings of the KPI-by-tier table's states (issue 16).

export const en = {
  'err.kpis_computing': 'The KPIs of this snapshot are being computed after the server started; try again in a minute.',
};

export const zh: Record<keyof typeof en, string> = {
  'err.kpis_computing': '服务器启动后正在计算该快照的关键指标，请稍后再试。',
};
