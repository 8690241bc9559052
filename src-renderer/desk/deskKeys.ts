/**
 * The desk's keys, as tables: the hook (useDeskKeys.ts) runs them and each screen lists its
 * own under the table. On the reviewer's batch list, c t p r open the desk screens the role may
 * use; inside a screen every key is the screen's (Esc back), except ? for the key help.
 */
import type { DeskMember } from '../../shared/desk';
import { mayCoordinate, mayHandleProblems } from '../../shared/deskConstants';
import { type Keymap, type ReviewAction } from '../../shared/keymap';
import { hintLabel } from '../../shared/modeKeys';
import { cancelAtCursor, closeDesk, handleProblemAtCursor, moveCursor, openScreen, reassignAtCursor, reload } from './deskActions';
import { createFromForm, setDueAtCursor } from './batchBuild';
import { shiftPeriod, showProgressView, toggleProgressPlot } from './deskFilters';
import { DESK_KEYS, DESK_TITLES, type DeskKeyScope } from '../../shared/keymapDesk';
import type { Rebindings, ScreenKeys } from '../../shared/keyScopes';
import { getDesk, setDesk, type DeskScreen } from './deskState';
import { closeProblem, openProblemAtCursor, scrollFibres, toggleAllFibres } from './problemOpen';
import { askProblemNights, clearProblemFilters, cycleProblemOrigin, cycleProblemState, pickProblemPlan, pickProblemSpectrograph, pickProblemType } from './problemFilters';
import { emphasise, nudgeCaseZ, openCaseAtCursor, pickCaseSubclass, resolveOpenCase, setCaseClass, setCaseQuality, takeEmphasised, typeCaseComment, typeCaseZ } from './recheckDraft';
import { askRecheckDz, askRecheckQuality } from './recheckThresholds';
import { focusTraceBox, leaveTrace, runTrace } from './traceActions';
import { runExport, toggleExportFormat, toggleExportScope } from './exportActions';

export interface DeskKey {
  /** The key's id in shared/keymapDesk.ts; none for the single-mode keys a recheck case takes. */
  id?: string;
  keys: string[];
  text: string;
  /** Called with the chord pressed (one entry may stand for several keys: the class keys). */
  run: (chord: string) => void | Promise<void>;
}

/**
 * Which screens a role is offered; `linked` false: reached by key only (and from Team batches),
 * as a step of that screen. The keys that open them are data in shared/keymapDesk.ts (scope
 * `home`), rebindable in the settings.
 */
export const DESK_SCREENS: { screen: DeskScreen; title: string; may: (m: DeskMember) => boolean; linked?: false }[] = [
  { screen: 'batches', title: DESK_TITLES.batches, may: (m) => mayCoordinate(m.role) },
  { screen: 'newBatch', title: DESK_TITLES.newBatch, may: (m) => mayCoordinate(m.role), linked: false },
  { screen: 'progress', title: DESK_TITLES.progress, may: (m) => mayCoordinate(m.role) },
  { screen: 'recheck', title: DESK_TITLES.recheck, may: (m) => mayCoordinate(m.role) },
  { screen: 'problems', title: DESK_TITLES.problems, may: (m) => mayHandleProblems(m.role) },
  { screen: 'export', title: DESK_TITLES.export, may: (m) => mayCoordinate(m.role) },
  // Any role; its key is in the review keymap (rebindable, listed by ?), so it works offline too and says so.
  { screen: 'trace', title: DESK_TITLES.trace, may: () => true },
];

type Run = (own: string) => void | Promise<void>;

/** What each desk key id does; `own` is the default chord pressed (as rebound), for ids that stand for two keys. */
const RUN: Readonly<Record<string, Run>> = {
  ...Object.fromEntries(DESK_SCREENS.map((d) => [`open:${d.screen}`, () => openScreen(d.screen)])),
  rowDown: () => moveCursor(1),
  rowUp: () => moveCursor(-1),
  closeDesk,
  reload,
  acknowledge: () => handleProblemAtCursor('acknowledged'),
  resolve: () => handleProblemAtCursor('resolved'),
  discard: () => handleProblemAtCursor('discarded'),
  cancelBatch: cancelAtCursor,
  reassign: reassignAtCursor,
  setDue: setDueAtCursor,
  focusForm: focusBatchForm,
  createBatch: createFromForm,
  nextView: () => showProgressView(),
  'view:reviewer': () => showProgressView('reviewer'),
  'view:batch': () => showProgressView('batch'),
  'view:plan': () => showProgressView('plan'),
  'view:night': () => showProgressView('night'),
  togglePlot: toggleProgressPlot,
  periodEarlier: () => shiftPeriod(-1),
  periodLater: () => shiftPeriod(1),
  openCase: openCaseAtCursor,
  askDz: askRecheckDz,
  askQuality: askRecheckQuality,
  runTrace,
  traceOtherBox: () => focusTraceBox('other'),
  traceSearchBox: () => focusTraceBox('search'),
  leaveTrace,
  exportScope: toggleExportScope,
  exportFormat: toggleExportFormat,
  exportNights: () => document.querySelector<HTMLInputElement>('input.export-from')?.focus(),
  runExport,
  openProblem: openProblemAtCursor,
  problemState: cycleProblemState,
  problemNights: askProblemNights,
  problemPlan: pickProblemPlan,
  problemSpectrograph: pickProblemSpectrograph,
  problemType: pickProblemType,
  problemOrigin: cycleProblemOrigin,
  clearFilters: clearProblemFilters,
  emphasiseNext: () => emphasise(1),
  emphasisePrev: () => emphasise(-1),
  takeAnswer: takeEmphasised,
  resolveCase: resolveOpenCase,
  closeCase: () => setDesk({ openCase: null, failure: null }),
  fibresOn: () => scrollFibres(3),
  fibresBack: () => scrollFibres(-3),
  fibresPage: (own) => scrollFibres(own === 'PageDown' ? 1 : -1, true),
  allFibres: toggleAllFibres,
  closeProblem,
};

/** A scope's keys as the reviewer has bound them, each running its id's action. */
function boundKeys(scope: DeskKeyScope, rebound: Rebindings | undefined): DeskKey[] {
  return DESK_KEYS[scope].map((d) => {
    const chords = d.keys.map((own) => rebound?.[own] ?? own);
    return { id: d.id, keys: chords, text: d.text, run: (chord) => RUN[d.id]!(d.keys[chords.indexOf(chord)] ?? chord) };
  });
}

/** The chords the reviewer's keymap gives an action kind (the single mode's keys, as rebound). */
const chordsOf = (k: Keymap, kind: ReviewAction['kind']) => Object.keys(k).filter((c) => k[c]!.kind === kind);

/** What a single-mode key does to the case's final answer. */
function caseAction(a: ReviewAction | undefined): void {
  if (a?.kind === 'setClass') setCaseClass(a.value);
  else if (a?.kind === 'setQuality') setCaseQuality(a.value);
  else if (a?.kind === 'nudgeZ') nudgeCaseZ(a.step);
  else if (a?.kind === 'typeZ') typeCaseZ();
  else if (a?.kind === 'pickSubclass') pickCaseSubclass();
  else if (a?.kind === 'editComment') typeCaseComment();
}

/**
 * A recheck case: its own keys, and the single mode's class, z, quality, subclass and comment
 * keys make the final answer, as the reviewer has bound them (by default t subclass, c comment).
 * The settings refuse a single-mode key on one of the case's own (shared/keyScopes.ts).
 */
function caseKeys(keymap: Keymap, rebound: Rebindings | undefined): DeskKey[] {
  const mine = boundKeys('recheckCase', rebound);
  const own = (id: string) => mine.find((k) => k.id === id)!;
  // A set stored before the settings knew about the case: its own keys still win.
  const taken = new Set(mine.flatMap((k) => k.keys));
  const single = (kind: ReviewAction['kind'], text: string): DeskKey => ({ keys: chordsOf(keymap, kind).filter((c) => !taken.has(c)), text, run: (c) => caseAction(keymap[c]) });
  return [
    own('emphasiseNext'),
    own('emphasisePrev'),
    own('takeAnswer'),
    single('setClass', 'final class'),
    single('nudgeZ', 'z − / + (⇧ ×10, Alt ×100)'),
    single('typeZ', 'type z'),
    single('setQuality', 'quality'),
    single('pickSubclass', 'pick the subclass (type ahead, as in single mode)'),
    single('editComment', 'comment'),
    own('resolveCase'),
    own('closeCase'),
  ];
}

/**
 * A desk scope's keys as the reviewer has bound them (`keymap`: their review keys, which a
 * recheck case takes too; `screenKeys`: their rebound screen keys); on the batch list (`home`)
 * only those opening a screen `member`'s role may use.
 */
export function deskScopeKeys(scope: DeskKeyScope, member: DeskMember | null, keymap: Keymap, screenKeys: ScreenKeys): DeskKey[] {
  if (scope === 'recheckCase') return caseKeys(keymap, screenKeys['desk.recheckCase']);
  const keys = boundKeys(scope, screenKeys[`desk.${scope}`]);
  if (scope !== 'home') return keys;
  const offered = new Set(DESK_SCREENS.filter((d) => member && d.may(member)).map((d) => `open:${d.screen}`));
  return keys.filter((k) => offered.has(k.id!));
}

/** The desk scope in force: the open screen's, an open case's or report's, or the batch list's (`home`). */
export function deskScopeNow(): DeskKeyScope {
  const s = getDesk();
  if (s.screen === null) return 'home';
  if (s.screen === 'recheck' && s.openCase) return 'recheckCase';
  if (s.screen === 'problems' && s.openProblem) return 'problemOpen';
  return s.screen;
}

/** The keys in force on the open desk screen, or on the batch list (the screens' own keys). */
export function deskKeysNow(member: DeskMember | null, keymap: Keymap, screenKeys: ScreenKeys): DeskKey[] {
  const scope = deskScopeNow();
  const keys = deskScopeKeys(scope, member, keymap, screenKeys);
  // By nights there is no list of batches on screen: no cursor to move, none to offer.
  if (scope === 'export' && getDesk().exportForm.by === 'dates') return keys.filter((k) => k.id !== 'rowDown' && k.id !== 'rowUp');
  return keys;
}

/** The chord that opens a desk screen from the batch list, as the reviewer has bound it (for a title). */
export function openerChord(screen: DeskScreen, screenKeys: ScreenKeys): string | undefined {
  // The trace screen opens by the batch list's own trace key.
  if (screen === 'trace') return screenKeys.batchList?.['/'] ?? '/';
  const own = DESK_KEYS.home.find((d) => d.id === `open:${screen}`)?.keys[0];
  return own === undefined ? undefined : (screenKeys['desk.home']?.[own] ?? own);
}

/** Into the form from wherever the focus was (a click beside it, a notice). */
function focusBatchForm(): void {
  document.querySelector<HTMLElement>('[data-testid="batch-form"] input')?.focus();
}

/** How a key is shown in the hints. */
export const keyLabel = hintLabel;
