// The dry run's movers: filtering as the table shows them and the CSV the export button saves.

export interface Mover { customerId: string; name: string; owner: string; from: string; to: string }
export interface MoverFilter { q: string; from: string | null; to: string | null }

export function filterMovers(movers: Mover[], f: MoverFilter): Mover[] {
  const needle = f.q.trim().toLowerCase();
  return movers.filter((m) => (!f.from || m.from === f.from) && (!f.to || m.to === f.to)
    && (!needle || [m.customerId, m.name, m.owner].some((s) => s.toLowerCase().includes(needle))));
}

/** RFC 4180 CSV with a BOM (Excel opens it as UTF-8): tier names for people, the codes kept in their own columns. */
export function moversCsv(movers: Mover[], headers: string[], tierName: (id: string) => string): string {
  const cell = (s: string) => {
    // A leading = + - @ would run as a formula in a spreadsheet: kept as text.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rows = movers.map((m) => [m.customerId, m.name, m.owner, tierName(m.from), tierName(m.to), m.from, m.to]);
  return '\uFEFF' + [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
