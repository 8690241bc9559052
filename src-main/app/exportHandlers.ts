/**
 * The export of the human-checked catalogue from the app (issue 15, coordinator): the same
 * service functions as `specvet export` (catalogue.ts read as the signed-in person,
 * catalogueExport.ts writing CSV or FITS), with the rows written so far sent as
 * `exportProgress` events. Where the file goes is the host's: Electron asks in a save dialog
 * opened by the main process; the web edition writes a temporary file and streams it as a
 * download (web/download.ts), so neither lets a page name a path on the machine.
 */
import { ApiError, type ApiHandlers } from '../../shared/api';
import { exportFileName, type ExportInput } from '../../shared/desk';
import type { CentralDesk } from './centralDesk';
import type { ApiEventBus } from './eventBus';

/** Asks where to save (`suggested`: a file name); null when the person cancels. */
export type ChooseExportFile = (suggested: string) => Promise<string | null>;

/** Writes the catalogue to `file` (refused when it exists; removed if cut short); resolves to the rows written. */
export type WriteCatalogue = (input: ExportInput, file: string) => Promise<number>;

const NO_SERVER = 'offline — the export reads the central server; this is the demo, sign in to one';

function onlineDesk(desk: () => CentralDesk | null): CentralDesk {
  const d = desk();
  if (!d) throw new ApiError('offline', NO_SERVER);
  return d;
}

export function catalogueWriter(desk: () => CentralDesk | null, events: ApiEventBus): WriteCatalogue {
  return async (input, file) => {
    const d = onlineDesk(desk);
    const { exportCatalogue } = await import('../central/catalogueExport');
    const rows = await d.client((c) => exportCatalogue(c, input.scope, input.format, file, (n) => events.emit('exportProgress', { rows: n })));
    events.emit('exportProgress', { rows });
    return rows;
  };
}

/**
 * `choose` null: a host without a save dialog (the web edition answers the call itself).
 * Offline is said before the dialog opens: no one should pick a file for nothing.
 */
export function exportHandlers(desk: () => CentralDesk | null, write: WriteCatalogue, choose: ChooseExportFile | null): Pick<ApiHandlers, 'exportCatalogue'> {
  return {
    exportCatalogue: async (input) => {
      if (!choose) throw new ApiError('bad-input', 'this host has no save dialog; the web edition downloads the export instead');
      onlineDesk(desk);
      const file = await choose(exportFileName(input));
      if (file === null) return null;
      return { file, rows: await write(input, file) };
    },
  };
}
