/**
 * Where the browse grid is: the first spectrum of the page on screen, the grid's shape (from
 * the window's size), and whether the thumbnail under the cursor is open in single mode. The
 * cursor itself is the review state's index, so the verdict keys act on it unchanged.
 */
import { create } from 'zustand';

export interface BrowseState {
  /** Position of the page's first thumbnail. */
  top: number;
  cols: number;
  rows: number;
  /** The cursor's spectrum is open in the single view; Esc comes back to the grid. */
  single: boolean;
}

export const useBrowse = create<BrowseState>(() => ({ top: 0, cols: 5, rows: 4, single: false }));

export const pageSizeOf = (s: Pick<BrowseState, 'cols' | 'rows'>): number => s.cols * s.rows;
