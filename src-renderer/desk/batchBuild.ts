/**
 * Creating the batch the "New batch" form describes, and a batch's due date from Team batches.
 * A refusal is one line on the screen; the form stays as typed.
 */
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { showInfo } from '../review/notify';
import { requestOf } from './batchForm';
import { stopCounting } from './batchPreview';
import { change, openScreen } from './deskActions';
import { getDesk, setDesk } from './deskState';

/** Creates the batch; on success Team batches shows it and the form keeps its criteria for the next. */
export async function createFromForm(): Promise<void> {
  const form = getDesk().batchForm;
  const made = requestOf(form);
  if ('problem' in made) {
    setDesk({ batchPreview: { ...getDesk().batchPreview, problem: made.problem } });
    return;
  }
  stopCounting();
  try {
    const created = await api.createBatch(made.request);
    setDesk({ batchForm: { ...form, name: '' }, batchPreview: { result: null, problem: null, counting: false } });
    showInfo(`created ${made.request.name}: ${created.batches.map((b) => `${b.assignee} ${b.count}`).join(', ')}`);
    openScreen('batches');
  } catch (err) {
    setDesk({ batchPreview: { ...getDesk().batchPreview, problem: messageOf(err), counting: false } });
  }
}

/** Asks for the due date of the batch under the cursor ("none" clears it). */
export function setDueAtCursor(): void {
  const s = getDesk();
  const b = s.batches[s.cursor];
  if (!b) return;
  setDesk({
    entry: {
      label: `due date of ${b.name} (${b.assignee}), YYYY-MM-DD or none`,
      text: b.due ?? '',
      submit: (text) =>
        change(async () => {
          const due = text.toLowerCase() === 'none' ? null : text;
          await api.setBatchDue({ id: b.id, due });
          return `${b.name} (${b.assignee}) is due ${due ?? 'whenever'}`;
        }),
    },
  });
}
