/**
 * The assistant's own state: whether its fit is drawn, and the fit of the spectrum on screen
 * with the candidate the reviewer stepped to. Kept apart from the review store, which only
 * sees the draft that a candidate sets.
 */
import { create } from 'zustand';
import type { FitResult } from '../../shared/fit';

export type FitView =
  | { state: 'fitting'; obsid: number }
  | { state: 'ready'; obsid: number; fit: FitResult }
  | { state: 'error'; obsid: number; message: string };

export interface AssistantState {
  /** The model over the flux and the χ²(z) strip. */
  showFit: boolean;
  view: FitView | null;
  /** Index into the fit's candidates the reviewer stepped to; 0 (the best) on each spectrum. */
  candidate: number;
}

export const useAssistant = create<AssistantState>(() => ({ showFit: false, view: null, candidate: 0 }));
