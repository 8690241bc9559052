/**
 * The fitsjs row of the benchmark compares like with like: through the adapter, fitsjs reads
 * both LRS layouts to the same pixels and metadata as our decoder. (It is still not the
 * app's decoder: a file cut short mid-data sends it into an endless synchronous loop —
 * checked by hand, not here, because it blocks the thread for good; see docs/spectra.md.)
 */
import { describe, expect, it } from 'vitest';
import { decodeSpectrum } from '../../../shared/spectrum/decode';
import { fitsjsDecode } from '../../../bench/fitsjs';
import { fixtureBytes, fixturesPresent, LRS_FIXTURES } from './fixtures';

describe.skipIf(!fixturesPresent)('fitsjs 0.6.6 through the bench adapter', () => {
  it.each(LRS_FIXTURES)('reads $name exactly as our decoder does', async ({ name }) => {
    const bytes = fixtureBytes(name);
    const theirs = await fitsjsDecode(bytes, name);
    const ours = decodeSpectrum(bytes, name);
    expect(theirs.layout).toBe(ours.layout);
    expect(theirs.meta).toEqual(ours.meta);
    for (const k of ['flux', 'ivar', 'wavelength', 'andMask', 'orMask'] as const) expect(theirs[k]).toEqual(ours[k]);
  });
});
