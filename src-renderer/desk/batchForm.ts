/**
 * The "New batch" form as typed (strings and ticks) and the request it makes. Only what the
 * server cannot be asked about is checked here — a number that is not one, a class that does
 * not exist; dates, ranges and reviewers are the service's to judge (one line naming the field).
 */
import type { DeskBatchRequest } from '../../shared/desk';
import { BATCH_FIELD_LABELS } from '../../shared/deskConstants';
import { SPEC_CLASSES, type ReviewMode, type SpecClass } from '../../shared/modelConstants';

export interface BatchForm {
  name: string;
  /** Reviewers' user names, separated by commas or spaces. */
  assignees: string;
  mode: ReviewMode;
  due: string;
  from: string;
  to: string;
  planid: string;
  spid: string;
  classes: string;
  subclasses: string;
  snrMin: string;
  snrMax: string;
  tsources: string;
  objtypes: string;
  limit: string;
  includeAssigned: boolean;
  includeVerified: boolean;
}

export const EMPTY_BATCH_FORM: BatchForm = {
  name: '',
  assignees: '',
  mode: 'single',
  due: '',
  from: '',
  to: '',
  planid: '',
  spid: '',
  classes: '',
  subclasses: '',
  snrMin: '',
  snrMax: '',
  tsources: '',
  objtypes: '',
  limit: '',
  includeAssigned: false,
  includeVerified: false,
};

/** The text fields and how the form labels them (the service's refusals use the same words). */
export const TEXT_FIELDS: readonly { key: Exclude<keyof BatchForm, 'mode' | 'includeAssigned' | 'includeVerified'>; label: string; hint: string }[] = [
  { key: 'name', label: 'name', hint: 'e.g. feb-galaxies' },
  { key: 'assignees', label: 'assignees', hint: 'alice, bob (split evenly)' },
  { key: 'due', label: BATCH_FIELD_LABELS.due, hint: 'YYYY-MM-DD' },
  { key: 'from', label: BATCH_FIELD_LABELS.from, hint: 'YYYY-MM-DD' },
  { key: 'to', label: BATCH_FIELD_LABELS.to, hint: 'YYYY-MM-DD' },
  { key: 'planid', label: 'plan', hint: 'any' },
  { key: 'spid', label: 'spectrograph', hint: 'any' },
  { key: 'classes', label: 'pipeline class', hint: 'GALAXY, QSO' },
  { key: 'subclasses', label: 'subclass', hint: 'G5, K0' },
  { key: 'snrMin', label: BATCH_FIELD_LABELS['snr-min'], hint: 'r band' },
  { key: 'snrMax', label: BATCH_FIELD_LABELS['snr-max'], hint: 'r band' },
  { key: 'tsources', label: 'target source', hint: 'any' },
  { key: 'objtypes', label: 'object type', hint: 'any' },
  { key: 'limit', label: BATCH_FIELD_LABELS.limit, hint: 'all' },
];

const labelOf = (key: keyof BatchForm) => TEXT_FIELDS.find((f) => f.key === key)?.label ?? key;

const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);

/** A number typed in `key`, or undefined when empty; throws the one line when it is not one. */
function numberIn(form: BatchForm, key: 'spid' | 'snrMin' | 'snrMax' | 'limit', whole: boolean): number | undefined {
  const text = form[key].trim();
  if (!text) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || (whole && !Number.isInteger(n))) throw new RangeError(`${labelOf(key)} must be a ${whole ? 'whole ' : ''}number, got "${text}"`);
  return n;
}

function classesIn(form: BatchForm): SpecClass[] | undefined {
  const given = words(form.classes).map((c) => c.toUpperCase());
  const bad = given.find((c) => !(SPEC_CLASSES as readonly string[]).includes(c));
  if (bad) throw new RangeError(`${labelOf('classes')} is one of ${SPEC_CLASSES.join(', ')}; got "${bad}"`);
  return given.length ? (given as SpecClass[]) : undefined;
}

const listed = (key: string, values: string[]) => (values.length ? { [key]: values } : {});
const given = (key: string, value: string | number | undefined) => (value === undefined || value === '' ? {} : { [key]: value });

/** The request the form makes, or the one line saying what to fix. */
export function requestOf(form: BatchForm): { request: DeskBatchRequest } | { problem: string } {
  try {
    const criteria: DeskBatchRequest['criteria'] = {
      ...listed('classes', classesIn(form) ?? []),
      ...listed('subclasses', words(form.subclasses)),
      ...given('from', form.from.trim()),
      ...given('to', form.to.trim()),
      ...given('planid', form.planid.trim()),
      ...given('spid', numberIn(form, 'spid', true)),
      ...given('snrMin', numberIn(form, 'snrMin', false)),
      ...given('snrMax', numberIn(form, 'snrMax', false)),
      ...listed('tsources', words(form.tsources)),
      ...listed('objtypes', words(form.objtypes)),
      ...given('limit', numberIn(form, 'limit', true)),
      leaveOut: { assigned: !form.includeAssigned, verified: !form.includeVerified },
    };
    return {
      request: { name: form.name.trim(), assignees: words(form.assignees), mode: form.mode, ...given('due', form.due.trim()), criteria },
    };
  } catch (err) {
    if (err instanceof RangeError) return { problem: err.message };
    throw err;
  }
}
