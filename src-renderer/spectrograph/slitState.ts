/**
 * The spectrograph view's state: the fibre cursor, the selection's other end, the first fibre
 * in view, the report form (with everything typed into it) and the reports already filed.
 */
import { create } from 'zustand';
import type { ProblemReport } from '../../shared/model';
import { FIBERS_PER_SPECTROGRAPH, type ProblemOrigin } from '../../shared/modelConstants';

export interface ReportDraft {
  /** As typed, so an inverted or outside range can be shown back and refused in words. */
  from: string;
  to: string;
  type: string;
  origin: ProblemOrigin;
  text: string;
  /** Why the last submit was refused; the typed fields stay. */
  error: string | null;
  sending: boolean;
}

export interface SlitState {
  /** 1 … FIBERS_PER_SPECTROGRAPH */
  cursor: number;
  /** The selection's fixed end; null: the selection is the cursor's fibre alone. */
  anchor: number | null;
  /** First fibre drawn at the top of the view. */
  first: number;
  /** Fibres the view has room for. */
  visible: number;
  /** All fibres in the window at once (`o`). */
  overview: boolean;
  /** A click picked the first fibre of a range; the next click picks the last. */
  picked: boolean;
  form: ReportDraft | null;
  /**
   * The draft an Esc put away, with the fibres selected when it was opened: `p` brings it back
   * (on a new selection only its range follows), so closing the form never loses typed text.
   */
  kept: { draft: ReportDraft; from: number; to: number } | null;
  problems: ProblemReport[];
}

export const useSlit = create<SlitState>(() => ({
  cursor: 1,
  anchor: null,
  first: 1,
  visible: 30,
  overview: false,
  picked: false,
  form: null,
  kept: null,
  problems: [],
}));

export function selection(s: Pick<SlitState, 'cursor' | 'anchor'>): { from: number; to: number } {
  const other = s.anchor ?? s.cursor;
  return { from: Math.min(other, s.cursor), to: Math.max(other, s.cursor) };
}

export const clampFibre = (f: number): number => Math.max(1, Math.min(FIBERS_PER_SPECTROGRAPH, f));

/** Moves the cursor (extending the selection or starting a new one) and keeps it in view. */
export function moveCursor(to: number, extend: boolean): void {
  const s = useSlit.getState();
  const cursor = clampFibre(to);
  const anchor = extend ? (s.anchor ?? s.cursor) : null;
  let first = s.first;
  if (cursor < first) first = cursor;
  else if (cursor >= first + s.visible) first = cursor - s.visible + 1;
  useSlit.setState({ cursor, anchor, picked: false, first: clampFibre(Math.min(first, FIBERS_PER_SPECTROGRAPH - s.visible + 1)) });
}

/** A click: the first one picks a fibre, a second one (with a fibre picked) extends to it. */
export function clickFibre(fibre: number): void {
  const s = useSlit.getState();
  if (s.picked) useSlit.setState({ anchor: s.cursor, cursor: fibre, picked: false });
  else useSlit.setState({ cursor: fibre, anchor: null, picked: true });
}
