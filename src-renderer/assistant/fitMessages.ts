/** What the page and the fit worker say to each other (a fit's answer: workerCalls.ts's CallReply<FitResult>). */
import type { PlotSpectrum } from '../spectra/plotSpectrum';
import type { Call } from '../spectra/workerCalls';

/** The template library, once per worker, before any fit. */
export type TemplatesMessage = { kind: 'templates'; files: { name: string; bytes: Uint8Array }[] };

/** What the fit reads of a decoded spectrum. */
export type FitArrays = Pick<PlotSpectrum, 'wavelength' | 'flux' | 'ivar' | 'andMask'>;

/** One decoded spectrum to fit: its own copies of the decoder's arrays (the chart keeps those). */
export type FitRequest = { kind: 'fit'; obsid: number; spectrum: FitArrays };

export type FitMessage = TemplatesMessage | Call<FitRequest>;
