/**
 * The export's save dialog, opened by the main process: the renderer only asks for an export,
 * the path comes from the person's choice here, never from the page. A file that exists is
 * refused by the writer afterwards (as `specvet export` refuses it), not replaced.
 */
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { extname, join } from 'node:path';
import type { ChooseExportFile } from '../app/exportHandlers';

const FILTERS: Record<string, SaveDialogOptions['filters']> = {
  '.csv': [{ name: 'CSV', extensions: ['csv'] }],
  '.fits': [{ name: 'FITS binary table', extensions: ['fits'] }],
};

export function exportFileChooser(window: () => BrowserWindow | null): ChooseExportFile {
  return async (suggested) => {
    const options: SaveDialogOptions = {
      title: 'Export the human-checked catalogue',
      defaultPath: join(app.getPath('documents'), suggested),
      filters: FILTERS[extname(suggested)] ?? [],
      properties: ['createDirectory'],
    };
    const w = window();
    const chosen = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
    return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
  };
}
