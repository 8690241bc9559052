/**
 * The export's save dialog (src-main/electron/saveDialog.ts) over the fake Electron: it offers
 * the export's name in the Documents folder with the format's filter, and a cancel is null.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakeElectron'));
const { dialog } = await import('./fakeElectron');
const { exportFileChooser } = await import('../../src-main/electron/saveDialog');

describe('the export save dialog', () => {
  it('offers the name in Documents with its format, answers the chosen path, null on cancel', async () => {
    const choose = exportFileChooser(() => null);
    dialog.saveAnswer = { canceled: false, filePath: '/data/jan.fits' };
    expect(await choose('specvet-catalogue-all.fits')).toBe('/data/jan.fits');
    expect(dialog.saves.at(-1)).toMatchObject({
      defaultPath: join('/default/documents', 'specvet-catalogue-all.fits'),
      filters: [{ name: 'FITS binary table', extensions: ['fits'] }],
    });
    dialog.saveAnswer = { canceled: true, filePath: '' };
    expect(await choose('specvet-catalogue-all.csv')).toBeNull();
    expect(dialog.saves.at(-1)).toMatchObject({ filters: [{ name: 'CSV', extensions: ['csv'] }] });
  });
});
