/**
 * The renderer's state (zustand): what the frame shows and where the reviewer is. Actions
 * that talk to the API live in review/actions.ts; this file only holds and sets data.
 */
import { create } from 'zustand';
import { BATCH_LIST_KEYMAP, DEFAULT_KEYMAP, type Keymap, type ZoomOp } from '../../shared/keymap';
import { reboundMap } from '../../shared/keyScopes';
import { BROWSE_KEYMAP, SPECTROGRAPH_KEYMAP, type BrowseAction, type ModeKeymap, type SpectrographAction } from '../../shared/modeKeys';
import { DEFAULT_SETTINGS, keymapWith, type AcceptQuality, type Settings } from '../../shared/settings';
import type { AppStatus, BatchSummary, Item, Quality, SpecClass, SyncProgress } from '../../shared/model';
import { isVerdictFlag, type VerdictFlag } from '../../shared/verdictFlags';

/** The reviewer's answer for the spectrum on screen, before it is saved. */
export interface Draft {
  obsid: number;
  class: SpecClass;
  subclass: string;
  z: number;
  quality: Quality;
  /** In VERDICT_FLAGS order, so two drafts with the same flags compare equal. */
  flags: readonly VerdictFlag[];
  comment: string;
}

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface ReviewState {
  batch: BatchSummary;
  items: Item[];
  index: number;
  /** The answer on screen for items[index]: its kept draft, else its saved verdict or the pipeline's. */
  draft: Draft;
  /**
   * Unsaved drafts of the spectra moved off, by obsid, while the batch is open: coming back
   * shows the answer as it was left, not the pipeline's. Only drafts that differ are kept.
   */
  drafts: ReadonlyMap<number, Draft>;
}

/** The last zoom key; the chart applies it when `seq` changes. */
export interface ZoomRequest {
  op: ZoomOp | 'reset';
  seq: number;
}

export interface AppState {
  status: AppStatus | null;
  batches: BatchSummary[] | null;
  review: ReviewState | null;
  showLines: boolean;
  showHelp: boolean;
  showSignIn: boolean;
  notice: Notice | null;
  sync: SyncProgress | null;
  zoom: ZoomRequest;
  /** Boxcar width in pixels, 0 (none) … SMOOTH_MAX; kept from one spectrum to the next. */
  smoothing: number;
  /** The 1σ error band. */
  showErrors: boolean;
  /** The chart's axis in the rest frame of the draft's z (else observed); kept from one spectrum to the next. */
  restFrame: boolean;
  /** The field open over the chart, which takes every key until it closes; null when none. */
  field: VerdictField | null;
  /** Quality that Enter ("accept the pipeline's answer as is") saves; the reviewer's setting. */
  acceptQuality: AcceptQuality;
  /** The reviewer's rebound keys (a setting) and the review keymap they make. */
  keys: Settings['keys'];
  keymap: Keymap;
  /** The other screens' rebound keys (a setting) and the keymaps they make (shared/keyScopes.ts). */
  screenKeys: Settings['screenKeys'];
  batchListKeymap: Keymap;
  browseKeymap: ModeKeymap<BrowseAction>;
  slitKeymap: ModeKeymap<SpectrographAction>;
  showSettings: boolean;
  /**
   * The data source typed in the settings and not yet used (null: nothing typed): Esc closes
   * the panel, and what was typed must be there when it opens again. Cleared once it is used.
   */
  dataSourceDraft: string | null;
  /**
   * The answer whose class and z were questioned (shared/plausibility.ts), as answerKey():
   * the same save key pressed again for the same answer saves it.
   */
  questioned: string | null;
  /** The observed wavelength (Å) last clicked on the chart, and on which spectrum. */
  feature: { obsid: number; wavelength: number } | null;
  /** The batch list's cursor: an index into `batches`. */
  batchCursor: number;
}

/** The fields a key opens over the chart: exact z, subclass picker, flag picker, comment. */
export type VerdictField = 'z' | 'subclass' | 'flags' | 'comment';

/** What makes two saves "the same answer" for the class/z question. */
export function answerKey(obsid: number, cls: SpecClass, z: number): string {
  return `${obsid} ${cls} ${z}`;
}

export const useApp = create<AppState>(() => ({
  status: null,
  batches: null,
  review: null,
  showLines: true,
  showHelp: false,
  showSignIn: false,
  notice: null,
  sync: null,
  zoom: { op: 'reset', seq: 0 },
  smoothing: 0,
  showErrors: true,
  restFrame: false,
  field: null,
  acceptQuality: DEFAULT_SETTINGS.acceptQuality,
  keys: DEFAULT_SETTINGS.keys,
  keymap: DEFAULT_KEYMAP,
  ...screenKeymaps(DEFAULT_SETTINGS.screenKeys),
  showSettings: false,
  dataSourceDraft: null,
  questioned: null,
  feature: null,
  batchCursor: 0,
}));

export const setState = useApp.setState;
export const getState = useApp.getState;

/** The draft a spectrum starts with: the reviewer's saved verdict, else the pipeline's answer. */
export function draftOf(item: Item): Draft {
  const v = item.verdict;
  return v
    ? { obsid: item.obsid, class: v.class, subclass: v.subclass, z: v.z, quality: v.quality, flags: v.flags.filter(isVerdictFlag), comment: v.comment }
    : { obsid: item.obsid, class: item.pipeline.class, subclass: item.pipeline.subclass, z: item.pipeline.z, quality: 0, flags: [], comment: '' };
}

export function sameAnswer(a: Draft, b: Draft): boolean {
  return (
    a.obsid === b.obsid &&
    a.class === b.class &&
    a.subclass === b.subclass &&
    a.z === b.z &&
    a.quality === b.quality &&
    a.comment === b.comment &&
    a.flags.join() === b.flags.join()
  );
}

export function currentItem(s: AppState): Item | null {
  const r = s.review;
  return r ? (r.items[r.index] ?? null) : null;
}

/** The store's part of the reviewer's settings. */
export function settingsState(settings: Settings): Pick<AppState, 'acceptQuality' | 'keys' | 'keymap' | ScreenKeymapsPart> {
  return { acceptQuality: settings.acceptQuality, keys: settings.keys, keymap: keymapWith(settings.keys), ...screenKeymaps(settings.screenKeys) };
}

type ScreenKeymapsPart = 'screenKeys' | 'batchListKeymap' | 'browseKeymap' | 'slitKeymap';

function screenKeymaps(screenKeys: Settings['screenKeys']): Pick<AppState, ScreenKeymapsPart> {
  return {
    screenKeys,
    batchListKeymap: reboundMap(BATCH_LIST_KEYMAP, screenKeys.batchList),
    browseKeymap: reboundMap(BROWSE_KEYMAP, screenKeys.browse),
    slitKeymap: reboundMap(SPECTROGRAPH_KEYMAP, screenKeys.spectrograph),
  };
}
