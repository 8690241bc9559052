/**
 * The recheck list's thresholds (issue 15), as `specvet recheck list --dz --dq` takes them: d types
 * |Δz|/(1+z), q the quality difference, in the line under the list (empty: the default). A wrong
 * value is refused in one line with the text kept; a good one reloads the list and is kept for
 * the session.
 */
import { checkThresholds, DEFAULT_THRESHOLDS, type AgreementThresholds } from '../../shared/agreement';
import { reload } from './deskActions';
import { askLine, getDesk, setDesk } from './deskState';

/** The thresholds with `key` set to what was typed; throws the one line that says why not. */
export function readThreshold(key: keyof AgreementThresholds, text: string, now: AgreementThresholds): AgreementThresholds {
  const typed = text.trim();
  const value = typed === '' ? DEFAULT_THRESHOLDS[key] : Number(typed);
  if (Number.isNaN(value)) throw new RangeError(`"${typed}" is not a number: type ${key === 'dz' ? 'a fraction such as 0.002' : 'a whole number 1–4'}, or nothing for the default`);
  const next = { ...now, [key]: value };
  checkThresholds(next);
  return next;
}

function ask(key: keyof AgreementThresholds, label: string): void {
  askLine(`${label} (empty: ${DEFAULT_THRESHOLDS[key]})`, String(getDesk().recheckThresholds[key]), (typed) => {
    setDesk({ recheckThresholds: readThreshold(key, typed, getDesk().recheckThresholds), cursor: 0, failure: null });
    void reload();
  });
}

export const askRecheckDz = () => ask('dz', 'redshifts disagree at |Δz|/(1+z) ≥');
export const askRecheckQuality = () => ask('quality', 'qualities disagree when this many apart');
