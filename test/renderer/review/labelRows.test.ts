/**
 * The label rows shared by the marker sets over one plot (review/labelRows.ts): a label goes in
 * the first row where it prints over no other, whoever placed it; redrawing one set's labels
 * leaves the other's in place.
 */
import { describe, expect, it } from 'vitest';
import { LABEL_GAP, LABEL_ROWS, LabelRows } from '../../../src-renderer/review/labelRows';

/** The labels as [owner, row, left, right]. */
const placed = (rows: LabelRows) =>
  rows
    .describe()
    .split(' ')
    .filter(Boolean)
    .map((l) => l.split(/[:-]/).map(Number));

describe('label rows', () => {
  it("puts an answer's label under the final answer's it would touch, and beside one it clears by the gap", () => {
    const rows = new LabelRows();
    expect(rows.place(100, 40, 0, 3)).toBe(0); // "[Ne III]" of the final answer, 100–140 px
    expect(rows.place(142, 24, 1)).toBe(1); // "Ca K" of another answer 2 px after it: the next row
    expect(rows.place(140 + LABEL_GAP, 20, 1)).toBe(0); // clear by the gap: the first row
    expect(placed(rows)).toEqual([
      [0, 0, 100, 140],
      [1, 1, 142, 166],
      [1, 0, 143, 163],
    ]);
  });

  it('leaves a label out when every row allowed has one in its way', () => {
    const rows = new LabelRows();
    for (let r = 0; r < LABEL_ROWS; r++) expect(rows.place(10, 30, 1)).toBe(r);
    expect(rows.place(20, 30, 0)).toBe(-1);
    // The reviewer's own keep to their first rows even when a later row is free.
    const mine = new LabelRows();
    for (let r = 0; r < 3; r++) mine.place(10, 30, 0, 3);
    expect(mine.place(20, 30, 0, 3)).toBe(-1);
    expect(mine.place(20, 30, 1)).toBe(3);
  });

  it("clears one owner's labels and keeps the other's, however many were placed", () => {
    const rows = new LabelRows();
    for (let i = 0; i < 100; i++) rows.place(i * 50, 40, (i % 2) as 0 | 1);
    rows.clear(1);
    expect(placed(rows)).toHaveLength(50);
    expect(placed(rows).every(([owner, row]) => owner === 0 && row === 0)).toBe(true);
    // Where the answers' labels were, a new one goes in the first row again.
    expect(rows.place(50, 40, 1)).toBe(0);
    rows.clear();
    expect(rows.describe()).toBe('');
  });
});
