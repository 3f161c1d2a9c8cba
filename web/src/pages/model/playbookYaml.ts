// Reading a tier's `service:` section from the model text and writing it back. YAML 1.1, as the server's SnakeYAML
// reads it (`yes` is a boolean there). Writing changes only the nodes whose value changed, so comments, key order and
// flow or block style of everything else stay as the user wrote them.
import { isCollection, isMap, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { same } from './playbookForm';

const PARSE = { version: '1.1' as const, uniqueKeys: true, prettyErrors: false };
// No folding of long lines, `{a: 1}` as the default model writes flow maps: unchanged text prints as it was read.
const PRINT = { lineWidth: 0, flowCollectionPadding: false };
/** A section short enough to read on one line is written `{every_days: 30, channels: [phone]}`. */
const FLOW_MAX = 80;

export type ServiceRead = { ok: true; section: unknown } | { ok: false; reason: 'yaml' | 'no_tier' };

function load(text: string): Document | null {
  const doc = parseDocument(text, PARSE);
  return doc.errors.length ? null : doc;
}

function tierOf(doc: Document, index: number): Record<string, unknown> | null {
  let js: unknown;
  try { js = doc.toJS({ maxAliasCount: 100 }); } catch { return null; } // alias bombs and the like
  const tiers = js !== null && typeof js === 'object' ? (js as Record<string, unknown>).tiers : undefined;
  const tier = Array.isArray(tiers) && Number.isInteger(index) && index >= 0 ? tiers[index] : undefined;
  return tier !== null && typeof tier === 'object' && !Array.isArray(tier) ? tier as Record<string, unknown> : null;
}

/** The `service:` value of the tier at `index` (null when it has none), or why it cannot be read. */
export function readService(text: string, index: number): ServiceRead {
  const doc = load(text);
  if (!doc) return { ok: false, reason: 'yaml' };
  const tier = tierOf(doc, index);
  return tier ? { ok: true, section: tier.service ?? null } : { ok: false, reason: 'no_tier' };
}

function node(doc: Document, value: unknown, flow: boolean): Node {
  const created = doc.createNode(value) as Node;
  visit(created, {
    Map(_, m) { if (flow || JSON.stringify(m.toJSON()).length <= FLOW_MAX) m.flow = true; },
    Seq(_, s) { if (flow || JSON.stringify(s.toJSON()).length <= FLOW_MAX) s.flow = true; },
  });
  return created;
}

function apply(doc: Document, path: (string | number)[], before: unknown, after: unknown) {
  if (same(before, after)) return;
  const at = doc.getIn(path, true);
  const plain = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (plain(before) && plain(after) && isMap(at)) {
    Object.keys(before).filter((k) => !Object.prototype.hasOwnProperty.call(after, k)).forEach((k) => doc.deleteIn([...path, k]));
    Object.entries(after).forEach(([k, v]) => apply(doc, [...path, k], before[k], v));
  } else if (Array.isArray(before) && Array.isArray(after) && isSeq(at) && before.length === after.length) {
    after.forEach((v, i) => apply(doc, [...path, i], before[i], v));
  } else {
    doc.setIn(path, node(doc, after, isCollection(at) && at.flow === true));
  }
}

/**
 * The model text with the tier's `service:` set to `section` (removed when it is empty). The text is returned as it
 * was when nothing changed or it cannot be read (the caller checks with {@link readService} first).
 */
export function writeService(text: string, index: number, section: Record<string, unknown>): string {
  const doc = load(text);
  const tier = doc && tierOf(doc, index);
  if (!doc || !tier) return text;
  const before = tier.service ?? null;
  const empty = Object.keys(section).length === 0;
  if (empty ? before === null : same(before, section)) return text;
  const path = ['tiers', index, 'service'];
  if (empty) doc.deleteIn(path);
  else if (before === null || !isMap(doc.getIn(path, true))) {
    const created = node(doc, section, false);
    if (isMap(created)) created.flow = false; // the section itself in block style, like the default model's
    doc.setIn(path, created);
  }
  else apply(doc, path, before, section);
  return doc.toString(PRINT);
}
