/**
 * The live dry run of the "New batch" form: counted again when typing pauses, through the same
 * service as creating it; an answer to an older question is dropped, a refusal is one line.
 */
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { requestOf, type BatchForm } from './batchForm';
import { getDesk, setDesk } from './deskState';

/** Typing pauses this long before the form is counted again. */
export const PREVIEW_DEBOUNCE_MS = 300;

let timer: ReturnType<typeof setTimeout> | null = null;
let asked = 0;

export function editBatchForm(edit: Partial<BatchForm>): void {
  setDesk({ batchForm: { ...getDesk().batchForm, ...edit } });
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void countNow(), PREVIEW_DEBOUNCE_MS);
}

/** Any count asked before now is of no use any more (the batch is being created). */
export function stopCounting(): void {
  if (timer) clearTimeout(timer);
  asked++;
}

/** Asks the server what the form would take now. */
export async function countNow(): Promise<void> {
  const mine = ++asked;
  const made = requestOf(getDesk().batchForm);
  if ('problem' in made) {
    setDesk({ batchPreview: { ...getDesk().batchPreview, problem: made.problem, counting: false } });
    return;
  }
  setDesk({ batchPreview: { ...getDesk().batchPreview, counting: true } });
  try {
    const result = await api.previewBatch(made.request);
    if (mine === asked) setDesk({ batchPreview: { result, problem: null, counting: false } });
  } catch (err) {
    if (mine === asked) setDesk({ batchPreview: { ...getDesk().batchPreview, problem: messageOf(err), counting: false } });
  }
}
