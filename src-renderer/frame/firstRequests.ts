/**
 * The first module main.tsx imports, so it runs before React and the rest of the first bundle
 * are evaluated (170 ms in one trace of a fresh browser on a loaded 2-core machine, react-dom
 * most of it): the list's three requests and the spectrum decoder's worker start then, not
 * after. Only the API client and the decoder are evaluated before it.
 */
import { askFirstAnswers } from '../api/firstAnswers';
import { warmDecoder } from '../review/readAhead';

export const firstAnswers = askFirstAnswers();
// loadFrame takes it up once the frame's modules have run; a failure is shown then, not lost.
firstAnswers.catch(() => undefined);
warmDecoder();
