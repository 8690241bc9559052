/**
 * One recheck case open: the answers on the plot (each reviewer's, then the pipeline's), which
 * one's markers stand out, and the coordinator's final answer made with the single mode's keys
 * (class, z, quality, subclass, comment) and recorded with Enter. The list shrinks by the resolved case.
 */
import type { DeskRecheckCase } from '../../shared/desk';
import type { Quality, SpecClass } from '../../shared/model';
import { Z_RANGE } from '../../shared/ranges';
import { SUBCLASSES_BY_CLASS } from '../../shared/subclasses';
import { api } from '../api';
import { parseTypedZ } from '../review/typedZ';
import { change } from './deskActions';
import { askLine, EMPTY_DRAFT, getDesk, setDesk, type OpenCase } from './deskState';

/** An answer drawn on the case's plot. */
export interface CaseAnswer {
  who: string;
  class: SpecClass;
  subclass: string;
  z: number;
  quality: number | null;
}

/** The reviewers' latest verdicts in the list's order, then the pipeline's answer. */
export function answersOf(c: DeskRecheckCase): CaseAnswer[] {
  return [
    ...c.verdicts.map((v) => ({ who: v.reviewer, class: v.class, subclass: v.subclass, z: v.z, quality: v.quality })),
    { who: 'pipeline', class: c.pipeline.class, subclass: c.pipeline.subclass, z: c.pipeline.z, quality: null },
  ];
}

const CHOOSE_CLASS = 'choose the final class first: s star, g galaxy, q QSO, u unknown (or a takes the emphasised answer)';
/** As humanrecheck.comment and the API allow. */
const COMMENT_MAX = 2000;

function openNow(): { open: OpenCase; c: DeskRecheckCase } | null {
  const s = getDesk();
  const c = s.openCase && s.recheck[s.openCase.index];
  return s.openCase && c ? { open: s.openCase, c } : null;
}

const setDraft = (open: OpenCase, draft: Partial<OpenCase['draft']>) => setDesk({ openCase: { ...open, draft: { ...open.draft, ...draft } } });

export function openCaseAtCursor(): void {
  const s = getDesk();
  if (s.recheck[s.cursor]) setDesk({ openCase: { index: s.cursor, draft: EMPTY_DRAFT, emphasis: 0, picking: false } });
}

/** Steps through the answers whose markers stand out (e / Shift+E). */
export function emphasise(step: 1 | -1): void {
  const o = openNow();
  if (!o) return;
  const n = answersOf(o.c).length;
  setDesk({ openCase: { ...o.open, emphasis: (o.open.emphasis + step + n) % n } });
}

/** A subclass typed for another class no longer fits: it goes, and the server takes the answer's. */
export function setCaseClass(cls: SpecClass): void {
  const o = openNow();
  if (o) setDraft(o.open, { class: cls, subclass: subclassOf(o.c, cls, o.open.draft.subclass) ?? '' });
}

export function setCaseQuality(q: Quality): void {
  const o = openNow();
  if (o) setDraft(o.open, { quality: q });
}

/** The answer the emphasised markers show becomes the draft: its class, z and quality. */
export function takeEmphasised(): void {
  const o = openNow();
  const a = o && answersOf(o.c)[o.open.emphasis];
  if (!o || !a) return;
  setDraft(o.open, { class: a.class, subclass: subclassOf(o.c, a.class, o.open.draft.subclass) ?? '', z: a.z, quality: a.quality === null ? o.open.draft.quality : (a.quality as Quality) });
}

/** The z the draft stands for: set by a key, else the server's rule (the answer of its class), else the emphasised answer's. */
export function draftZ(c: DeskRecheckCase, open: OpenCase): number {
  if (open.draft.z !== null) return open.draft.z;
  const answers = answersOf(c);
  // The newest reviewer's of that class, else the pipeline's (the last answer), as recheck.ts decides.
  const reviewers = answers.slice(0, -1).reverse();
  const same = open.draft.class && [...reviewers, answers[answers.length - 1]!].find((a) => a.class === open.draft.class);
  return (same || answers[open.emphasis] || answers[0]!).z;
}

/** [ ] and their Shift / Alt steps, on the grid a typed z uses. */
export function nudgeCaseZ(step: number): void {
  const o = openNow();
  if (!o) return;
  const z = Math.round((draftZ(o.c, o.open) + step) * 1e6) / 1e6;
  setDraft(o.open, { z: Math.max(Z_RANGE.min, Math.min(Z_RANGE.max, z)) });
}

/** z: the exact z typed in the line under the case; a wrong one is refused in words, the text kept. */
export function typeCaseZ(): void {
  const o = openNow();
  if (!o) return;
  setDesk({
    entry: {
      label: `final z for ${o.c.obsid}`,
      text: draftZ(o.c, o.open).toFixed(4),
      submit: async (text) => {
        const typed = parseTypedZ(text);
        if (!typed.ok) {
          setDesk({ failure: typed.message });
          throw new RangeError(typed.message);
        }
        const now = openNow();
        if (now) setDraft(now.open, { z: typed.z });
        setDesk({ failure: null });
      },
    },
  });
}

/** The subclasses a class may be given here: the known ones (shared/subclasses.ts), and any the case's answers of that class gave. */
export function subclassesFor(c: DeskRecheckCase, cls: SpecClass): string[] {
  const given = answersOf(c).filter((a) => a.class === cls && a.subclass !== '').map((a) => a.subclass);
  return [...new Set([...given, ...SUBCLASSES_BY_CLASS[cls]])];
}

/** `typed` as the class spells it (case ignored), '' for none, or null when the class has no such subclass. */
function subclassOf(c: DeskRecheckCase, cls: SpecClass, typed: string): string | null {
  if (typed.trim() === '') return '';
  return subclassesFor(c, cls).find((s) => s.toLowerCase() === typed.trim().toLowerCase()) ?? null;
}

/** A typed line under the case; `read` turns the text into the draft's change or throws the one line that says why not. */
function askForCase(label: string, text: string, read: (o: { open: OpenCase; c: DeskRecheckCase }, text: string) => Partial<OpenCase['draft']>): void {
  askLine(label, text, (typed) => {
    const now = openNow();
    if (!now) return;
    setDraft(now.open, read(now, typed));
    setDesk({ failure: null });
  });
}

/** t: the subclass picker of single mode opens over the case's plot, for the final class (RecheckCase.tsx). */
export function pickCaseSubclass(): void {
  const o = openNow();
  if (!o) return;
  if (o.open.draft.class === null) setDesk({ failure: CHOOSE_CLASS });
  else setDesk({ openCase: { ...o.open, picking: true }, failure: null });
}

/** The picker's answer ('': the answer's, as the server decides), or null when it was closed without one. */
export function closeCaseSubclass(subclass: string | null): void {
  const o = openNow();
  if (!o) return;
  const draft = subclass === null ? o.open.draft : { ...o.open.draft, subclass };
  setDesk({ openCase: { ...o.open, draft, picking: false } });
}

/** c: why the final answer is what it is, recorded with it. */
export function typeCaseComment(): void {
  const o = openNow();
  if (!o) return;
  askForCase(`comment on ${o.c.obsid}`, o.open.draft.comment, (_o, typed) => {
    if (typed.length > COMMENT_MAX) throw new RangeError(`the comment is ${typed.length} characters; shorten it to ${COMMENT_MAX}`);
    return { comment: typed };
  });
}

/** Records the final answer; what the coordinator did not set the server takes from the answer of that class. */
export async function resolveOpenCase(): Promise<void> {
  const o = openNow();
  if (!o) return;
  const { class: cls, quality, subclass, comment } = o.open.draft;
  // Sent always: it is the z the plot showed as the answer, also for a class nobody gave.
  const z = draftZ(o.c, o.open);
  if (cls === null) {
    setDesk({ failure: CHOOSE_CLASS });
    return;
  }
  await change(async () => {
    const sent = await api.recheckResolve({ obsid: o.c.obsid, class: cls, z, ...(quality !== null && { quality }), ...(subclass && { subclass }), ...(comment && { comment }) });
    setDesk({ openCase: null });
    return `recheck of ${sent.obsid} recorded: ${cls}${subclass ? ` ${subclass}` : ''} z=${z.toFixed(4)}${quality !== null ? ` q${quality}` : ''}`;
  }).catch(() => undefined);
}
