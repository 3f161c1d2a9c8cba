import { describe, expect, it } from 'vitest';
import { coverageByOwner } from './coverage';
import { teamLines, type TeamRow } from './teamView';

const row = (owner: string, tier: string, open: number, overdue: number, done: number,
  toManager = 0, reassigned = 0, pooled = 0): TeamRow => ({ owner, tier, open, overdue, done, toManager, reassigned, pooled });

describe('teamLines', () => {
  it('sumsEachRepOverTheTiersAndKeepsTheTiersInTheModelsOrder', () => {
    // 张伟: big 2 open (1 overdue), 2 escalated (a notice and a move); small 1 open and overdue, 1 done
    // → 3 open, 2 overdue, 1 done, 2 escalated.
    const lines = teamLines(['张伟', '李娜'], [
      row('张伟', 'small', 1, 1, 1), row('张伟', 'big', 2, 1, 0, 1, 1, 0), row('李娜', 'small', 0, 0, 0, 0, 0, 1),
    ], new Map(), ['big', 'small']);
    expect(lines.map((l) => [l.owner, l.open, l.overdue, l.done, l.escalated])).toEqual([
      ['张伟', 3, 2, 1, 2], ['李娜', 0, 0, 0, 1]]);
    expect(lines[0].tiers.map((t) => [t.tier, t.open, t.escalated])).toEqual([['big', 2, 2], ['small', 1, 0]]);
    expect(new Set(lines.flatMap((l) => [l.key, ...l.tiers.map((t) => t.key)])).size).toBe(5);
  });

  it('keepsATeamRepWithNothingAndPutsOtherOwnersAfterThePoolLast', () => {
    const lines = teamLines(['王磊'], [row('', 'small', 1, 1, 0), row('赵六', 'big', 1, 0, 0)], new Map(), ['big']);
    expect(lines.map((l) => [l.owner, l.open, l.tiers.length])).toEqual([['王磊', 0, 0], ['赵六', 1, 1], ['', 1, 1]]);
  });

  it('putsEachTiersCoverageOnItsLineEvenWithoutTasksCounted', () => {
    const coverage = coverageByOwner([{ owner: '张伟', tier: 'big', customers: 4, covered: 3 },
      { owner: '张伟', tier: 'mid', customers: 2, covered: 0 }]);
    const [zw] = teamLines(['张伟'], [row('张伟', 'big', 1, 0, 0), row('张伟', 'odd', 1, 0, 0)], coverage, ['big', 'mid']);
    expect(zw.tiers.map((t) => [t.tier, t.coverage?.covered ?? null])).toEqual([['big', 3], ['mid', 0], ['odd', null]]);
    expect(zw.coverage?.share).toBeCloseTo(0.5); // 3 of 6
  });
});
