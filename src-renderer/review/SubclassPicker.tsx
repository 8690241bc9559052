/**
 * The subclass picker opened by `t`: type ahead over LAMOST's subclasses for the class in the
 * draft (shared/subclasses.ts), ↑ ↓ to pick, Enter sets it, Esc cancels (TypeAheadList.tsx).
 * An empty field clears the subclass. A recheck case's final subclass is picked with the same field.
 */
import type { SpecClass } from '../../shared/model';
import { matchSubclasses } from '../../shared/subclasses';
import { currentItem, setState, useApp } from '../state/store';
import { editDraft } from './actions';
import { TypeAheadList } from './TypeAheadList';

export function SubclassPicker() {
  // The draft only while the picker is open: closed, a z key need not render this.
  const draft = useApp((s) => (s.field === 'subclass' ? s.review?.draft : undefined));
  const pipelineSubclass = useApp((s) => currentItem(s)?.pipeline.subclass ?? '');
  if (!draft) return null;
  const close = () => setState({ field: null });
  return (
    <SubclassField
      cls={draft.class}
      initial={draft.subclass}
      match={(typed) => matchSubclasses(draft.class, typed, pipelineSubclass)}
      empty="clears"
      onPick={(subclass) => {
        editDraft({ subclass });
        close();
      }}
      onClose={close}
    />
  );
}

/** The subclass field for a class: `match` gives its subclasses for what is typed; `empty` says what an empty field means. */
export function SubclassField(p: { cls: SpecClass; initial: string; match: (typed: string) => readonly string[]; empty: string; onPick: (subclass: string) => void; onClose: () => void }) {
  return (
    <TypeAheadList
      label="subclass"
      initial={p.initial}
      match={p.match}
      onPick={p.onPick}
      onClose={p.onClose}
      noMatch={(typed) => `"${typed}" is no LAMOST subclass of a ${p.cls}; pick one from the list, or Esc`}
      none={p.cls === 'UNKNOWN' ? 'UNKNOWN has no subclasses' : 'no subclass matches'}
      listLabel={`subclasses of ${p.cls}`}
      testId="subclass-picker"
      hint={`↑ ↓ pick · Enter sets · empty ${p.empty} · Esc cancels`}
    />
  );
}
