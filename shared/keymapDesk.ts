/**
 * The desk's keys as data (docs/app.md, "The desk"): per screen, each key's id, default chords
 * and what it does. Pure, like the review keymap, so the settings can rebind them and the main
 * process can check a rebinding; src-renderer/desk/deskKeys.ts gives each id its action.
 */
export type DeskScreen = 'batches' | 'newBatch' | 'progress' | 'recheck' | 'problems' | 'trace' | 'export';

/** Where a desk key is live: the batch list (the keys that open a screen), a screen, or an open case / report. */
export type DeskKeyScope = 'home' | DeskScreen | 'recheckCase' | 'problemOpen';

export interface DeskKeyDef {
  /** What the renderer runs (deskKeys.ts); one id may stand in several screens (the cursor). */
  id: string;
  /** The default chords, as chordOf() writes them. */
  keys: readonly string[];
  text: string;
}

const def = (id: string, keys: readonly string[], text: string): DeskKeyDef => ({ id, keys, text });

const CURSOR = [def('rowDown', ['ArrowDown', 'j'], 'next row'), def('rowUp', ['ArrowUp', 'k'], 'previous row')];
const BACK = def('closeDesk', ['Escape'], 'back to your batches');
const RELOAD = def('reload', ['l'], 'load again');
const HANDLE = [
  def('acknowledge', ['a'], 'acknowledge, with a note'),
  def('resolve', ['r'], 'resolved (reprocessed), with a note'),
  def('discard', ['x'], 'discard, with a note'),
];

/**
 * The screens' titles and the key that opens each from the batch list (scope `home`); the
 * trace screen's key is the review keymap's `/` (rebindable there), so it is not repeated here.
 */
export const DESK_TITLES: Readonly<Record<DeskScreen, string>> = {
  batches: 'Team batches',
  newBatch: 'New batch',
  progress: 'Progress',
  recheck: 'Recheck',
  problems: '2D problems',
  export: 'Export',
  trace: 'Trace',
};

export const DESK_KEYS: Readonly<Record<DeskKeyScope, readonly DeskKeyDef[]>> = {
  home: [
    def('open:batches', ['c'], DESK_TITLES.batches),
    def('open:newBatch', ['n'], DESK_TITLES.newBatch),
    def('open:progress', ['p'], DESK_TITLES.progress),
    def('open:recheck', ['r'], DESK_TITLES.recheck),
    def('open:problems', ['t'], DESK_TITLES.problems),
    def('open:export', ['e'], DESK_TITLES.export),
  ],
  batches: [
    ...CURSOR,
    def('cancelBatch', ['x'], 'cancel the batch (press twice)'),
    def('reassign', ['a'], 'reassign to another reviewer'),
    def('setDue', ['d'], 'due date'),
    def('open:newBatch', ['n'], 'new batch'),
    RELOAD,
    BACK,
  ],
  newBatch: [
    def('focusForm', ['Tab', 'Shift+Tab'], 'next / previous field (Space ticks a box, ↑ ↓ the mode)'),
    def('createBatch', ['Enter'], 'create the batch'),
    def('open:batches', ['Escape'], 'back to Team batches (the form is kept)'),
  ],
  progress: [
    ...CURSOR,
    def('nextView', ['v'], 'next view (reviewer, batch, plan, night)'),
    def('view:reviewer', ['1'], 'per reviewer'),
    def('view:batch', ['2'], 'per batch'),
    def('view:plan', ['3'], 'per plan: checked, corrected'),
    def('view:night', ['4'], 'per night: checked, corrected'),
    def('togglePlot', ['o'], 'plot: total and busiest / one line each'),
    def('periodEarlier', ['['], 'period earlier'),
    def('periodLater', [']'], 'period later'),
    RELOAD,
    BACK,
  ],
  recheck: [
    ...CURSOR,
    def('openCase', ['Enter'], 'open the case'),
    def('askDz', ['d'], 'redshift threshold |Δz|/(1+z)'),
    def('askQuality', ['q'], 'quality threshold'),
    RELOAD,
    BACK,
  ],
  trace: [
    def('runTrace', ['Enter'], 'trace it'),
    def('traceOtherBox', ['Tab'], 'search box / "at" box (a date: the story as it stood then)'),
    def('traceSearchBox', ['/'], 'to the search box'),
    def('leaveTrace', ['Escape'], 'back (to the spectrum, when opened from one)'),
  ],
  export: [
    ...CURSOR,
    def('exportScope', ['b'], 'by nights / by the batch at the cursor'),
    def('exportFormat', ['f'], 'CSV / FITS'),
    def('exportNights', ['d'], 'type the nights'),
    def('runExport', ['Enter'], 'export'),
    RELOAD,
    BACK,
  ],
  problems: [
    ...CURSOR,
    def('openProblem', ['Enter'], 'open it on its spectrograph'),
    ...HANDLE,
    def('problemState', ['f'], 'state'),
    def('problemNights', ['d'], 'nights'),
    def('problemPlan', ['p'], 'plan: pick from those reported (type to narrow, ↑ ↓ Enter, Esc)'),
    def('problemSpectrograph', ['s'], 'spectrograph: pick from those reported'),
    def('problemType', ['y'], 'type: pick from those reported'),
    def('problemOrigin', ['o'], 'origin'),
    def('clearFilters', ['c'], 'clear the filters'),
    RELOAD,
    BACK,
  ],
  // The case's own keys; the single mode's class, z, quality, subclass and comment keys join
  // them as the reviewer has bound those (deskKeys.ts).
  recheckCase: [
    def('emphasiseNext', ['e'], "next answer's markers stand out"),
    def('emphasisePrev', ['Shift+e'], 'previous answer'),
    def('takeAnswer', ['a'], 'take that answer'),
    def('resolveCase', ['Enter'], 'record the final answer'),
    def('closeCase', ['Escape'], 'back to the list'),
  ],
  problemOpen: [
    ...HANDLE,
    def('fibresOn', ['ArrowDown', 'j'], 'fibres further'),
    def('fibresBack', ['ArrowUp', 'k'], 'fibres back'),
    def('fibresPage', ['PageDown', 'PageUp'], 'a screen of fibres'),
    def('allFibres', ['o'], 'all 250 fibres'),
    def('closeProblem', ['Escape'], 'back to the list'),
  ],
};

/** The desk scopes' titles in the settings panel and the rebinding messages. */
export const DESK_SCOPE_TITLES: Readonly<Record<DeskKeyScope, string>> = {
  home: 'Batch list: desk screens',
  ...Object.fromEntries(Object.entries(DESK_TITLES).map(([s, t]) => [s, `Desk: ${t}`])) as Record<DeskScreen, string>,
  recheckCase: 'Desk: a recheck case open',
  problemOpen: 'Desk: a 2D report open',
};
