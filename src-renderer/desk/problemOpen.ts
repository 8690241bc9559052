/**
 * A problem report opened on its spectrograph (Enter on the problems list): that plan's and
 * spectrograph's fibres as the spectrograph view draws them, read-only, with the reported
 * range marked; a r x handle it from there, Esc goes back to the list at the same row.
 */
import { FIBERS_PER_SPECTROGRAPH } from '../../shared/modelConstants';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { ThumbnailStore } from '../spectra/thumbnailStore';
import { useSlit } from '../spectrograph/slitState';
import { getDesk, setDesk } from './deskState';

/** The desk's thumbnails: any spectrum, from the local store or the data source. */
export const deskThumbnails = new ThumbnailStore((obsid) => api.deskSpectrum({ obsid }));

/** Fibres shown above the reported range, so it is seen in its neighbourhood. */
const CONTEXT = 3;

export async function openProblemAtCursor(): Promise<void> {
  const s = getDesk();
  const problem = s.problems[s.cursor];
  if (!problem) return;
  const first = Math.max(1, problem.fiberFrom - CONTEXT);
  useSlit.setState({ cursor: first, anchor: null, first, overview: false, picked: false, form: null, problems: [] });
  setDesk({ openProblem: { problem, view: null }, failure: null });
  try {
    const view = await api.deskFibres({ lmjd: problem.lmjd, planid: problem.planid, spid: problem.spid });
    if (getDesk().openProblem?.problem.id !== problem.id) return;
    setDesk({ openProblem: { problem: getDesk().openProblem!.problem, view } });
    deskThumbnails.want(view.fibres.map((f) => f.obsid));
  } catch (err) {
    setDesk({ failure: messageOf(err) });
  }
}

export function closeProblem(): void {
  deskThumbnails.want([]);
  setDesk({ openProblem: null, failure: null, entry: null });
}

/** Moves the fibres in view by `rows` (a screen's worth: `page`); `o` shows all 250 at once. */
export function scrollFibres(rows: number, page = false): void {
  const s = useSlit.getState();
  const step = page ? Math.sign(rows) * s.visible : rows;
  const first = Math.max(1, Math.min(FIBERS_PER_SPECTROGRAPH - s.visible + 1, s.first + step));
  useSlit.setState({ first, cursor: first });
}

export const toggleAllFibres = () => useSlit.setState({ overview: !useSlit.getState().overview });
