// Finding the tier rules in the YAML text, so a validation error (`tiers[1].when`, line 12) can be shown at its rule
// even while the text does not parse. A line scan, not a YAML parser: it only needs the `- id:` items under `tiers:`.
import type { FieldError } from '../../api/problem';
import { tierIndexOf } from '../../api/problem';

export interface RuleBlock { index: number; id: string; line: number; when: string | null }

export function ruleBlocks(yaml: string): RuleBlock[] {
  const lines = yaml.split(/\r?\n/);
  const blocks: RuleBlock[] = [];
  let inTiers = false;
  lines.forEach((text, i) => {
    if (/^tiers\s*:/.test(text)) { inTiers = true; return; }
    if (/^\S/.test(text) && !text.startsWith('#') && !text.startsWith('-')) { inTiers = false; return; }
    if (!inTiers) return;
    const item = /^\s*-\s+id\s*:\s*['"]?([^'"#\s]+)/.exec(text);
    if (item) { blocks.push({ index: blocks.length, id: item[1], line: i + 1, when: null }); return; }
    const when = /^\s+when\s*:\s*(.*)$/.exec(text);
    if (when && blocks.length) blocks[blocks.length - 1].when = when[1].trim();
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
