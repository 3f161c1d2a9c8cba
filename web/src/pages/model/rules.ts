// Finding the tier rules in the YAML text, so a validation error (`tiers[1].when`, line 12) can be shown at its rule
// even while the text does not parse. A line scan, not a YAML parser: it only needs the `- id:` items under `tiers:`.
import type { FieldError } from '../../api/problem';
import { tierIndexOf } from '../../api/problem';

/**
 * A tier in the text: `line` of its `- id:`, `whenLine` of its `when:` (null without one), `when` as written on that
 * line; `continued` when the condition goes on over more lines, which only the raw editor may change.
 */
export interface RuleBlock {
  index: number; id: string; line: number; when: string | null; whenLine: number | null; continued?: true;
}

export function ruleBlocks(yaml: string): RuleBlock[] {
  const lines = yaml.split(/\r?\n/);
  const blocks: RuleBlock[] = [];
  let inTiers = false;
  let whenIndent = -1; // indentation of the last `when:` while the lines after it may continue its value
  lines.forEach((text, i) => {
    const indent = text.length - text.trimStart().length;
    if (whenIndent >= 0 && text.trim() !== '' && indent > whenIndent && !/^\s*(#|-\s|[\w-]+\s*:)/.test(text)) {
      blocks[blocks.length - 1].continued = true;
      return;
    }
    if (text.trim() !== '') whenIndent = -1;
    if (/^tiers\s*:/.test(text)) { inTiers = true; return; }
    if (/^\S/.test(text) && !text.startsWith('#') && !text.startsWith('-')) { inTiers = false; return; }
    if (!inTiers) return;
    const item = /^\s*-\s+id\s*:\s*['"]?([^'"#\s]+)/.exec(text);
    if (item) { blocks.push({ index: blocks.length, id: item[1], line: i + 1, when: null, whenLine: null }); return; }
    const when = /^\s+when\s*:\s*(.*)$/.exec(text);
    if (when && blocks.length) {
      Object.assign(blocks[blocks.length - 1], { when: when[1].trim(), whenLine: i + 1 });
      whenIndent = indent;
    }
  });
  return blocks;
}

/**
 * Assigns each error to a rule: by the index in its field path, else by its tier id, else by the line falling inside
 * the rule's lines. Errors that fit no rule (model-wide ones) come back under -1.
 */
export function errorsByRule(errors: FieldError[], blocks: RuleBlock[]): Map<number, FieldError[]> {
  const result = new Map<number, FieldError[]>();
  for (const error of errors) {
    let index = tierIndexOf(error.field);
    if (index === null && error.tier) index = blocks.find((b) => b.id === error.tier)?.index ?? null;
    if (index === null && error.line) {
      const line = error.line;
      index = blocks.filter((b) => b.line <= line).pop()?.index ?? null;
    }
    if (index !== null && index >= blocks.length && blocks.length) index = null;
    const key = index ?? -1;
    result.set(key, [...(result.get(key) ?? []), error]);
  }
  return result;
}

/**
 * The CEL text of a `when:` value as written on its line: plain, 'single' or "double" quoted. Null for what a line
 * scan cannot read safely (block scalars `|`/`>`, a quote continued on the next line), which stays in the raw editor.
 */
export function conditionText(when: string | null): string | null {
  if (when === null) return null;
  const value = when.replace(/\s+#.*$/, '');
  if (/^[|>]/.test(value)) return null;
  if (value.startsWith("'")) return value.length > 1 && value.endsWith("'") ? value.slice(1, -1).replace(/''/g, "'") : null;
  if (value.startsWith('"')) {
    try { return JSON.parse(value) as string; } catch { return null; }
  }
  return value;
}

/** The YAML with the `when:` line of `block` set to `scalar` (already quoted), the indentation kept. */
export function replaceCondition(yaml: string, block: RuleBlock, scalar: string): string {
  if (block.whenLine === null) return yaml;
  const lines = yaml.split('\n');
  lines[block.whenLine - 1] = lines[block.whenLine - 1].replace(/^(\s+when\s*:\s*).*$/, (_m, head: string) => head + scalar);
  return lines.join('\n');
}
