/**
 * The desk's keys, as tables: the hook (useDeskKeys.ts) runs them and each screen lists its
 * own under the table. On the reviewer's batch list, c t p r open the desk screens the role may
 * use; inside a screen every key is the screen's (Esc back), except ? for the key help.
 */
import { mayCoordinate, mayHandleProblems, type DeskMember } from '../../shared/desk';
import { chordLabel, type Keymap, type ReviewAction } from '../../shared/keymap';
import { cancelAtCursor, closeDesk, handleProblemAtCursor, moveCursor, openScreen, reassignAtCursor, reload } from './deskActions';
import { createFromForm, setDueAtCursor } from './batchBuild';
import { shiftPeriod, showProgressView, toggleProgressPlot } from './deskFilters';
import { getDesk, setDesk, type DeskScreen } from './deskState';
import { closeProblem, openProblemAtCursor, scrollFibres, toggleAllFibres } from './problemOpen';
import { askProblemNights, clearProblemFilters, cycleProblemOrigin, cycleProblemState, pickProblemPlan, pickProblemSpectrograph, pickProblemType } from './problemFilters';
import { emphasise, nudgeCaseZ, openCaseAtCursor, resolveOpenCase, setCaseClass, setCaseQuality, takeEmphasised, typeCaseComment, pickCaseSubclass, typeCaseZ } from './recheckDraft';
import { askRecheckDz, askRecheckQuality } from './recheckThresholds';
import { focusTraceBox, leaveTrace, runTrace } from './traceActions';
import { runExport, toggleExportFormat, toggleExportScope } from './exportActions';

export interface DeskKey {
  keys: string[];
  text: string;
  /** Called with the chord pressed (one entry may stand for several keys: the class keys). */
  run: (chord: string) => void | Promise<void>;
}

/**
 * Which screens a role is offered, with the key that opens each from the batch list; `linked`
 * false: reached by key only (and from Team batches), as a step of that screen.
 */
export const DESK_SCREENS: { screen: DeskScreen; key: string; title: string; may: (m: DeskMember) => boolean; linked?: false }[] = [
  { screen: 'batches', key: 'c', title: 'Team batches', may: (m) => mayCoordinate(m.role) },
  { screen: 'newBatch', key: 'n', title: 'New batch', may: (m) => mayCoordinate(m.role), linked: false },
  { screen: 'progress', key: 'p', title: 'Progress', may: (m) => mayCoordinate(m.role) },
  { screen: 'recheck', key: 'r', title: 'Recheck', may: (m) => mayCoordinate(m.role) },
  { screen: 'problems', key: 't', title: '2D problems', may: (m) => mayHandleProblems(m.role) },
  { screen: 'export', key: 'e', title: 'Export', may: (m) => mayCoordinate(m.role) },
  // Any role; its key is in the review keymap (rebindable, listed by ?), so it works offline too and says so.
  { screen: 'trace', key: '/', title: 'Trace', may: () => true },
];

const CURSOR: DeskKey[] = [
  { keys: ['ArrowDown', 'j'], text: 'next row', run: () => moveCursor(1) },
  { keys: ['ArrowUp', 'k'], text: 'previous row', run: () => moveCursor(-1) },
];
const BACK: DeskKey = { keys: ['Escape'], text: 'back to your batches', run: closeDesk };
const RELOAD: DeskKey = { keys: ['l'], text: 'load again', run: reload };

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

/** The case's own keys, which a single-mode chord rebound onto them does not take. */
const CASE_OWN = ['e', 'Shift+e', 'a', 'Enter', 'Escape'];

/**
 * A recheck case: the single mode's class, z, quality, subclass and comment keys make the final
 * answer, as the reviewer has bound them (by default t subclass, c comment).
 */
function caseKeys(keymap: Keymap): DeskKey[] {
  const single = (kind: ReviewAction['kind'], text: string): DeskKey => ({ keys: chordsOf(keymap, kind).filter((c) => !CASE_OWN.includes(c)), text, run: (c) => caseAction(keymap[c]) });
  return [
    { keys: ['e'], text: "next answer's markers stand out", run: () => emphasise(1) },
    { keys: ['Shift+e'], text: 'previous answer', run: () => emphasise(-1) },
    { keys: ['a'], text: 'take that answer', run: takeEmphasised },
    single('setClass', 'final class'),
    single('nudgeZ', 'z − / + (⇧ ×10, Alt ×100)'),
    single('typeZ', 'type z'),
    single('setQuality', 'quality'),
    single('pickSubclass', 'pick the subclass (type ahead, as in single mode)'),
    single('editComment', 'comment'),
    { keys: ['Enter'], text: 'record the final answer', run: resolveOpenCase },
    { keys: ['Escape'], text: 'back to the list', run: () => setDesk({ openCase: null, failure: null }) },
  ];
}

const HANDLE: DeskKey[] = [
  { keys: ['a'], text: 'acknowledge, with a note', run: () => handleProblemAtCursor('acknowledged') },
  { keys: ['r'], text: 'resolved (reprocessed), with a note', run: () => handleProblemAtCursor('resolved') },
  { keys: ['x'], text: 'discard, with a note', run: () => handleProblemAtCursor('discarded') },
];

/** A problem report open on its spectrograph. */
const PROBLEM_KEYS: DeskKey[] = [
  ...HANDLE,
  { keys: ['ArrowDown', 'j'], text: 'fibres further', run: () => scrollFibres(3) },
  { keys: ['ArrowUp', 'k'], text: 'fibres back', run: () => scrollFibres(-3) },
  { keys: ['PageDown', 'PageUp'], text: 'a screen of fibres', run: (c) => scrollFibres(c === 'PageDown' ? 1 : -1, true) },
  { keys: ['o'], text: 'all 250 fibres', run: toggleAllFibres },
  { keys: ['Escape'], text: 'back to the list', run: closeProblem },
];

const SCREEN_KEYS: Record<DeskScreen, DeskKey[]> = {
  batches: [
    ...CURSOR,
    { keys: ['x'], text: 'cancel the batch (press twice)', run: cancelAtCursor },
    { keys: ['a'], text: 'reassign to another reviewer', run: reassignAtCursor },
    { keys: ['d'], text: 'due date', run: setDueAtCursor },
    { keys: ['n'], text: 'new batch', run: () => openScreen('newBatch') },
    RELOAD,
    BACK,
  ],
  newBatch: [
    { keys: ['Tab', 'Shift+Tab'], text: 'next / previous field (Space ticks a box, ↑ ↓ the mode)', run: focusBatchForm },
    { keys: ['Enter'], text: 'create the batch', run: createFromForm },
    { keys: ['Escape'], text: 'back to Team batches (the form is kept)', run: () => openScreen('batches') },
  ],
  progress: [
    ...CURSOR,
    { keys: ['v'], text: 'next view (reviewer, batch, plan, night)', run: () => showProgressView() },
    { keys: ['1'], text: 'per reviewer', run: () => showProgressView('reviewer') },
    { keys: ['2'], text: 'per batch', run: () => showProgressView('batch') },
    { keys: ['3'], text: 'per plan: checked, corrected', run: () => showProgressView('plan') },
    { keys: ['4'], text: 'per night: checked, corrected', run: () => showProgressView('night') },
    { keys: ['o'], text: 'plot: total and busiest / one line each', run: toggleProgressPlot },
    { keys: ['['], text: 'period earlier', run: () => shiftPeriod(-1) },
    { keys: [']'], text: 'period later', run: () => shiftPeriod(1) },
    RELOAD,
    BACK,
  ],
  recheck: [
    ...CURSOR,
    { keys: ['Enter'], text: 'open the case', run: openCaseAtCursor },
    { keys: ['d'], text: 'redshift threshold |Δz|/(1+z)', run: askRecheckDz },
    { keys: ['q'], text: 'quality threshold', run: askRecheckQuality },
    RELOAD,
    BACK,
  ],
  trace: [
    { keys: ['Enter'], text: 'trace it', run: runTrace },
    { keys: ['Tab'], text: 'search box / "at" box (a date: the story as it stood then)', run: () => focusTraceBox('other') },
    { keys: ['/'], text: 'to the search box', run: () => focusTraceBox('search') },
    { keys: ['Escape'], text: 'back (to the spectrum, when opened from one)', run: leaveTrace },
  ],
  export: [
    ...CURSOR,
    { keys: ['b'], text: 'by nights / by the batch at the cursor', run: toggleExportScope },
    { keys: ['f'], text: 'CSV / FITS', run: toggleExportFormat },
    { keys: ['d'], text: 'type the nights', run: () => document.querySelector<HTMLInputElement>('input.export-from')?.focus() },
    { keys: ['Enter'], text: 'export', run: runExport },
    RELOAD,
    BACK,
  ],
  problems: [
    ...CURSOR,
    { keys: ['Enter'], text: 'open it on its spectrograph', run: openProblemAtCursor },
    ...HANDLE,
    { keys: ['f'], text: 'state', run: cycleProblemState },
    { keys: ['d'], text: 'nights', run: askProblemNights },
    { keys: ['p'], text: 'plan: pick from those reported (type to narrow, ↑ ↓ Enter, Esc)', run: pickProblemPlan },
    { keys: ['s'], text: 'spectrograph: pick from those reported', run: pickProblemSpectrograph },
    { keys: ['y'], text: 'type: pick from those reported', run: pickProblemType },
    { keys: ['o'], text: 'origin', run: cycleProblemOrigin },
    { keys: ['c'], text: 'clear the filters', run: clearProblemFilters },
    RELOAD,
    BACK,
  ],
};

const EXPORT_BY_NIGHTS_KEYS = SCREEN_KEYS.export.filter((k) => !CURSOR.includes(k));

/** The keys in force on the open desk screen, or on the batch list (the screens' own keys); `keymap`: the reviewer's. */
export function deskKeysNow(member: DeskMember | null, keymap: Keymap): DeskKey[] {
  const s = getDesk();
  if (s.screen === null) {
    return DESK_SCREENS.filter((d) => d.screen !== 'trace' && member && d.may(member)).map((d) => ({ keys: [d.key], text: d.title, run: () => openScreen(d.screen) }));
  }
  if (s.screen === 'recheck' && s.openCase) return caseKeys(keymap);
  if (s.screen === 'problems' && s.openProblem) return PROBLEM_KEYS;
  // By nights there is no list of batches on screen: no cursor to move, none to offer.
  if (s.screen === 'export' && s.exportForm.by === 'dates') return EXPORT_BY_NIGHTS_KEYS;
  return SCREEN_KEYS[s.screen];
}

/** Into the form from wherever the focus was (a click beside it, a notice). */
function focusBatchForm(): void {
  document.querySelector<HTMLElement>('[data-testid="batch-form"] input')?.focus();
}

/** How a key is shown in the hints. */
export function keyLabel(key: string): string {
  return ({ PageDown: 'PgDn', PageUp: 'PgUp', 'Shift+Tab': '⇧Tab' } as Record<string, string>)[key] ?? chordLabel(key);
}
