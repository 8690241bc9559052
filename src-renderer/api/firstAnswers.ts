/** What the frame shows first, asked for in one go: the host's status, the batch list, the person's settings. */
import type { AppStatus, BatchSummary } from '../../shared/model';
import type { Settings } from '../../shared/settings';
import { api } from '.';

export type FirstAnswers = [AppStatus, BatchSummary[], Settings];

export function askFirstAnswers(): Promise<FirstAnswers> {
  return Promise.all([api.status({}), api.listBatches({}), api.getSettings({})]);
}
