// The mock server's saved views (/views) and the counts of the customer list's filter dropdowns (/customers/facets),
// kept apart from mock-server.mjs like mock-work.mjs. Same shapes and rules as strata.server.view and CustomerFacets:
// own and shared views, only the owner or an admin changes one, another's private view is a 404.

const FILTERS = ['tier', 'lifecycle', 'abc', 'owner'];
const FACETS = ['tier', 'segment', 'segment11', 'lifecycle', 'abc', 'quadrant', 'owner'];

// In memory for the life of the mock server, like the other mock parts.
const state = { views: [], nextId: 1 };

/** The customers a filter shows, as the mock's GET /customers filters them. */
function filtered(list, q, except) {
  for (const key of FILTERS) if (key !== except && q.get(key)) list = list.filter((c) => c[key] === q.get(key));
  if (q.get('q')) list = list.filter((c) => (c.id + c.name).toLowerCase().includes(q.get('q').toLowerCase()));
  return list;
}

export function viewsRoute({ method, path, q, me, body, rows, problem }) {
  if (path === '/customers/facets') {
    const facets = {};
    for (const key of FACETS) {
      facets[key] = {};
      for (const c of filtered(rows(me), q, key)) if (c[key] != null) facets[key][c[key]] = (facets[key][c[key]] ?? 0) + 1;
    }
    return { body: { snapshot: 2, facets } };
  }
  const out = (v) => ({ ...v, editable: v.owner === me.username || me.role === 'admin' });
  if (path === '/views' && method === 'GET') {
    return { body: state.views.filter((v) => v.owner === me.username || v.shared).map(out) };
  }
  const name = String(body.name ?? '').trim();
  const invalid = () => (!name || [...name].length > 80 ? problem(400, 'name: 1 to 80 characters', [{ field: 'name', message: '1 to 80 characters' }], 'invalid_request')
    : Object.keys(body.definition?.filters ?? {}).some((k) => ![...FILTERS, 'segment', 'segment11', 'quadrant', 'q'].includes(k))
      ? problem(422, 'definition.filters: unknown filter', null, 'unknown_filter') : null);
  if (path === '/views' && method === 'POST') {
    const bad = invalid();
    if (bad) return bad;
    const now = new Date().toISOString();
    const view = { id: state.nextId++, name, owner: me.username, shared: !!body.shared, definition: body.definition, createdAt: now, updatedAt: now };
    state.views.push(view);
    return { status: 201, body: out(view) };
  }
  const one = /^\/views\/(\d+)$/.exec(path);
  if (!one) return null;
  const view = state.views.find((v) => v.id === Number(one[1]) && (v.owner === me.username || v.shared));
  if (!view) return problem(404, `no view ${one[1]}`);
  if (!out(view).editable) return problem(403, `only ${view.owner} or an admin may change this view`, null, 'not_view_owner');
  if (method === 'DELETE') { state.views.splice(state.views.indexOf(view), 1); return { status: 204 }; }
  const bad = invalid();
  if (bad) return bad;
  Object.assign(view, { name, shared: body.shared ?? view.shared, definition: body.definition, updatedAt: new Date().toISOString() });
  return { body: out(view) };
}
