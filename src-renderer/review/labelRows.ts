/**
 * The rows of line labels at the top of a plot, shared by every set of markers drawn over it
 * (the reviewer's own, lineOverlay.ts; a recheck case's answers, markerSets.ts): a label goes
 * in the first row where it prints over no label already placed, whichever set placed it —
 * so "[Ne III]" of one answer and "Ca K" of another no longer touch.
 *
 * A z key redraws the labels at key-repeat rate: nothing here allocates once the arrays have
 * grown to the number of labels drawn.
 */

/** Rows in all; the reviewer's own labels keep to the first three, as they always did. */
export const LABEL_ROWS = 4;
/** Clear space between two labels of one row, px. */
export const LABEL_GAP = 3;
const ROW_HEIGHT = 12;

/** Who placed a label: the reviewer's markers are laid out first, the answers' around them. */
export type LabelOwner = 0 | 1;

export class LabelRows {
  private left = new Float64Array(64);
  private right = new Float64Array(64);
  private row = new Uint8Array(64);
  private owner = new Uint8Array(64);
  private count = 0;

  /** Forgets the labels of `owner`, or of everyone. */
  clear(owner?: LabelOwner): void {
    if (owner === undefined) {
      this.count = 0;
      return;
    }
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      if (this.owner[i] === owner) continue;
      this.left[kept] = this.left[i]!;
      this.right[kept] = this.right[i]!;
      this.row[kept] = this.row[i]!;
      this.owner[kept] = this.owner[i]!;
      kept++;
    }
    this.count = kept;
  }

  /** The first of the first `rows` rows where a label from `left`, `width` px wide, prints over none; -1 when none has room. */
  place(left: number, width: number, owner: LabelOwner, rows = LABEL_ROWS): number {
    for (let r = 0; r < rows; r++) {
      if (this.free(r, left, left + width)) {
        this.add(r, left, left + width, owner);
        return r;
      }
    }
    return -1;
  }

  /** The baseline of a row's text, px from the plot's top. */
  static baseline(row: number): number {
    return 10 + ROW_HEIGHT * row;
  }

  /** Where the markers of a set without labels start: under every row. */
  static get below(): number {
    return LabelRows.baseline(LABEL_ROWS - 1) + 4;
  }

  /** The labels placed, as "owner:row:left-right" (px, rounded), one per label: for the browser tests. */
  describe(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.count; i++) parts.push(`${this.owner[i]}:${this.row[i]}:${Math.round(this.left[i]!)}-${Math.round(this.right[i]!)}`);
    return parts.join(' ');
  }

  private free(row: number, left: number, right: number): boolean {
    for (let i = 0; i < this.count; i++) {
      if (this.row[i] === row && left < this.right[i]! + LABEL_GAP && right + LABEL_GAP > this.left[i]!) return false;
    }
    return true;
  }

  private add(row: number, left: number, right: number, owner: LabelOwner): void {
    if (this.count === this.left.length) this.grow();
    this.left[this.count] = left;
    this.right[this.count] = right;
    this.row[this.count] = row;
    this.owner[this.count] = owner;
    this.count++;
  }

  private grow(): void {
    const n = this.left.length * 2;
    const copy = <T extends Float64Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
    this.left = copy(this.left, new Float64Array(n));
    this.right = copy(this.right, new Float64Array(n));
    this.row = copy(this.row, new Uint8Array(n));
    this.owner = copy(this.owner, new Uint8Array(n));
  }
}
