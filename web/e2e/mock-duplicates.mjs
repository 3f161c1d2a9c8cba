// The duplicate customers review queue of the mock server (docs: README "Duplicate customers"): three pairs over the
// main mock's customers, decided as the real server decides (admin/analyst only; the other decision after an undo).

const side = (c) => ({ id: c.id, name: c.name, phone: '13800138000', email: `${c.id.toLowerCase()}@example.cn`, owner: c.owner });

/** Builds the queue over the main mock's customers (C0001/C0004 share an owner, so a sales user sees that pair). */
export function duplicatesState(customers) {
  const pair = (id, a, b, reasons, score) => ({ id, a: side(customers[a]), b: side(customers[b]), reasons, score,
    status: 'pending', decidedBy: null, decidedAt: null, note: null });
  return [pair(1, 0, 3, ['same_email', 'same_phone'], 0.94), pair(2, 1, 4, ['same_phone'], 0.7),
    pair(3, 5, 6, ['same_name'], 0.5)];
}

const TO = { accept: 'accepted', reject: 'rejected', undo: 'pending' };

export function duplicatesRoute(pairs, { method, path, q, me, body, visible, page, problem }) {
  const sees = (p) => [p.a.id, p.b.id].every((id) => visible(me).some((c) => c.id === id));
  if (path === '/duplicates' && method === 'GET') {
    const status = q.get('status');
    if (status && !['pending', 'accepted', 'rejected'].includes(status)) return problem(400, 'status: must be pending, accepted or rejected');
    return { body: page(pairs.filter((p) => sees(p) && (!status || p.status === status)), q) };
  }
  const decision = /^\/duplicates\/(\d+)\/(accept|reject|undo)$/.exec(path);
  if (!decision || method !== 'POST') return null;
  if (me.role !== 'admin' && me.role !== 'analyst') return problem(403, 'your role may not do this');
  const p = pairs.find((x) => x.id === Number(decision[1]));
  if (!p) return problem(404, `no duplicate pair ${decision[1]}`);
  const to = TO[decision[2]];
  if (p.status === to) return to === 'pending' ? problem(409, 'not decided', null, 'not_decided') : { body: p };
  if (to !== 'pending' && p.status !== 'pending') return problem(409, `already ${p.status}`, null, 'already_decided');
  Object.assign(p, { status: to, decidedBy: me.username, decidedAt: new Date().toISOString(), note: body?.note || null });
  return { body: p };
}
