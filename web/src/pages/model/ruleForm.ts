// CEL ⇄ form for the rule builder: the conditions a form can show (comparisons of a metric with a value, `in` lists,
// joined by && and || in brackets) parse into a tree of groups and rows, and the tree writes back to CEL. Anything
// else (arithmetic, functions, `!`, comparing two metrics) parses to null, and the page keeps the raw editor for it.

export type Operator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in';
export type Scalar = number | string | boolean;
export interface Row { kind: 'row'; metric: string; op: Operator; value: Scalar | Scalar[] }
export interface Group { kind: 'group'; join: '&&' | '||'; items: Item[] }
export type Item = Row | Group;

type Token = { type: 'ident' | 'op' | 'paren' | 'bracket' | 'comma'; text: string } | { type: 'literal'; value: Scalar };

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>'];
const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r' };

function tokenize(cel: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < cel.length) {
    const c = cel[i];
    if (/\s/.test(c)) { i++; continue; }
    const op = OPERATORS.find((o) => cel.startsWith(o, i));
    if (op) { tokens.push({ type: 'op', text: op }); i += op.length; continue; }
    if (c === '(' || c === ')') { tokens.push({ type: 'paren', text: c }); i++; continue; }
    if (c === '[' || c === ']') { tokens.push({ type: 'bracket', text: c }); i++; continue; }
    if (c === ',') { tokens.push({ type: 'comma', text: c }); i++; continue; }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(cel.slice(i));
    if (word) {
      const w = word[0];
      tokens.push(w === 'true' || w === 'false' ? { type: 'literal', value: w === 'true' }
        : w === 'in' ? { type: 'op', text: 'in' } : { type: 'ident', text: w });
      i += w.length; continue;
    }
    const number = /^-?(\d+\.?\d*([eE][+-]?\d+)?)/.exec(cel.slice(i));
    if (number) {
      const value = Number(number[0]);
      // Beyond 2^53 a JS number is not the number written: leave such a condition to the raw editor.
      if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) return null;
      tokens.push({ type: 'literal', value }); i += number[0].length; continue;
    }
    if (c === "'" || c === '"') {
      let text = '';
      let j = i + 1;
      for (; j < cel.length && cel[j] !== c; j++) {
        if (cel[j] === '\\') {
          const escaped = ESCAPES[cel[j + 1]];
          if (escaped === undefined) return null;
          text += escaped; j++;
        } else text += cel[j];
      }
      if (j >= cel.length) return null;
      tokens.push({ type: 'literal', value: text }); i = j + 1; continue;
    }
    return null;
  }
  return tokens;
}

/** The condition as a form, or null when the form cannot show it (then it is edited as text). */
export function parseCondition(cel: string): Group | null {
  const tokens = tokenize(cel);
  if (!tokens || tokens.length === 0) return null;
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (text: string) => { const t = peek(); return t !== undefined && t.type === 'op' && t.text === text; };

  const join = (kind: '&&' | '||', next: () => Item | null): Item | null => {
    const items: Item[] = [];
    for (;;) {
      const item = next();
      if (!item) return null;
      // (a && b) && c is a && b && c: a nested group of the same join adds nothing.
      if (item.kind === 'group' && item.join === kind) items.push(...item.items); else items.push(item);
      if (!isOp(kind)) break;
      at++;
    }
    return items.length === 1 ? items[0] : { kind: 'group', join: kind, items };
  };
  const any = (): Item | null => join('||', () => join('&&', primary));
  const literal = (): Scalar | null => {
    const t = peek();
    if (t?.type !== 'literal') return null;
    at++;
    return t.value;
  };
  function primary(): Item | null {
    const t = peek();
    if (t?.type === 'paren' && t.text === '(') {
      at++;
      const inner = any();
      const close = peek();
      if (!inner || close?.type !== 'paren' || close.text !== ')') return null;
      at++;
      return inner;
    }
    if (t?.type !== 'ident') return null;
    at++;
    const op = peek();
    if (op?.type !== 'op' || op.text === '&&' || op.text === '||') return null;
    at++;
    if (op.text === 'in') {
      if (peek()?.type !== 'bracket' || (peek() as { text: string }).text !== '[') return null;
      at++;
      const values: Scalar[] = [];
      while (!(peek()?.type === 'bracket' && (peek() as { text: string }).text === ']')) {
        const v = literal();
        if (v === null) return null;
        values.push(v);
        if (peek()?.type === 'comma') at++;
        else if (!(peek()?.type === 'bracket')) return null;
      }
      at++;
      return { kind: 'row', metric: t.text, op: 'in', value: values };
    }
    const value = literal();
    return value === null ? null : { kind: 'row', metric: t.text, op: op.text as Operator, value };
  }

  const tree = any();
  if (!tree || at !== tokens.length) return null;
  return tree.kind === 'group' ? tree : { kind: 'group', join: '&&', items: [tree] };
}

/** A value as a CEL literal: strings single-quoted with \ and ' escaped, so any text survives the round trip. */
export function literal(value: Scalar): string {
  if (typeof value === 'string') {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  }
  return String(value);
}

function writeItem(item: Item, nested: boolean): string {
  if (item.kind === 'row') {
    const value = Array.isArray(item.value) ? `[${item.value.map(literal).join(', ')}]` : literal(item.value);
    return `${item.metric} ${item.op} ${value}`;
  }
  const parts = item.items.map((i) => writeItem(i, true));
  if (parts.length === 1) return parts[0];
  const text = parts.join(` ${item.join} `);
  return nested ? `(${text})` : text;
}

/** The form as CEL; empty groups are dropped, an empty form is '' (the caller refuses to write it). */
export function writeCondition(group: Group): string {
  return writeItem(prune(group) ?? { kind: 'group', join: '&&', items: [] }, false);
}

function prune(item: Item): Item | null {
  if (item.kind === 'row') return item;
  const items = item.items.map(prune).filter((i): i is Item => i !== null);
  return items.length ? { ...item, items } : null;
}

/** The `when:` value for YAML: double-quoted so `:`, `#`, quotes and leading symbols never change its meaning. */
export function yamlScalar(cel: string): string {
  return `"${cel.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** Whether every group has a row and every row a metric and a usable value, so the form can be written. */
export function complete(item: Item): boolean {
  if (item.kind === 'group') return item.items.length > 0 && item.items.every(complete);
  return item.metric !== '' && (!Array.isArray(item.value) || item.value.length > 0)
    && (typeof item.value !== 'number' || Number.isFinite(item.value));
}
