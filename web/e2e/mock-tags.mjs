// Customer tags as the server answers them (GET /tags, GET|POST|DELETE /customers/{id}/tags, POST
// /customers/bulk/tag|untag), for the mock server; normalisation is the server's (full-width forms, spaces).
export function tagsRoute({ method, path, q, body, me, visible, problem }, tags) {
  const norm = (text) => String(text ?? '').normalize('NFKC').trim().replace(/ {2,}/g, ' ');
  const bad = (tag) => (!tag ? 'tag_empty' : /[\u0000-\u001f\u007f\u200b-\u200f]/.test(tag) ? 'tag_control' : [...tag].length > 30 ? 'tag_too_long' : null);
  const own = visible(me);
  if (path === '/tags') {
    const counts = new Map();
    for (const c of own) for (const t of tags.get(c.id) ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
    return { body: [...counts].map(([tag, customers]) => ({ tag, customers })).sort((a, b) => b.customers - a.customers || a.tag.localeCompare(b.tag)) };
  }
  const bulk = /^\/customers\/bulk\/(tag|untag)$/.exec(path);
  if (bulk && method === 'POST') {
    const tag = norm(body.tag);
    if (bad(tag)) return problem(400, `tag: ${bad(tag)}`, null, bad(tag));
    const ids = body.ids ?? own.filter((c) => !body.filter?.tier || c.tier === body.filter.tier).map((c) => c.id);
    if (ids.some((id) => !own.find((c) => c.id === id))) return problem(403, 'not yours; nothing was changed', null, 'not_yours');
    let changed = 0;
    for (const id of ids) {
      const set = tags.get(id) ?? new Set();
      if (bulk[1] === 'tag' ? !set.has(tag) : set.has(tag)) changed++;
      if (bulk[1] === 'tag') set.add(tag); else set.delete(tag);
      tags.set(id, set);
    }
    return { body: { action: bulk[1], tag, selected: ids.length, changed } };
  }
  const one = /^\/customers\/([^/]+)\/tags$/.exec(path);
  if (!one) return null;
  const id = decodeURIComponent(one[1]);
  if (!own.find((c) => c.id === id)) return problem(404, 'No such customer');
  const set = tags.get(id) ?? new Set();
  if (method !== 'GET') {
    const tag = norm(method === 'POST' ? body.tag : q.get('tag'));
    if (bad(tag)) return problem(400, `tag: ${bad(tag)}`, null, bad(tag));
    if (method === 'POST') set.add(tag); else set.delete(tag);
    tags.set(id, set);
  }
  return { body: { id, tags: [...set].sort() } };
}

/** The customers carrying {@code tag} (the list's tag filter). */
export function taggedWith(tags, tag) {
  return new Set([...tags].filter(([, set]) => set.has(tag)).map(([id]) => id));
}
