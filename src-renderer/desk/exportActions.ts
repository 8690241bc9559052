/**
 * The export screen's actions: choose dates or a batch and the format, then export — through
 * the save dialog in Electron, as a download in the web edition (the host decides; the call is
 * the same). Rows written come as `exportProgress` events; a failure is one line and the
 * writer has removed its partial file.
 */
import type { ExportInput } from '../../shared/desk';
import { api } from '../api';
import { messageOf } from '../api/apiCallError';
import { showInfo } from '../review/notify';
import { getDesk, setDesk, type ExportForm } from './deskState';

export const setExport = (patch: Partial<ExportForm>) => setDesk({ exportForm: { ...getDesk().exportForm, ...patch } });

export const toggleExportFormat = () => setExport({ format: getDesk().exportForm.format === 'csv' ? 'fits' : 'csv' });
export const toggleExportScope = () => setExport({ by: getDesk().exportForm.by === 'dates' ? 'batch' : 'dates' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the form asks for, or the line saying what to fix. */
function inputOf(f: ExportForm): ExportInput | string {
  if (f.by === 'batch') {
    const s = getDesk();
    const b = s.batches[s.cursor];
    return b ? { scope: { batchId: b.id }, format: f.format } : 'no active batch to export; press b to export by dates';
  }
  const [from, to] = [f.from.trim(), f.to.trim()];
  for (const [k, v] of [['from', from], ['to', to]] as const) if (v && !DATE.test(v)) return `"${k}" must be a date YYYY-MM-DD (or blank for no limit), got "${v}"`;
  if (from && to && from > to) return `"from" ${from} is after "to" ${to}`;
  return { scope: { ...(from && { from }), ...(to && { to }) }, format: f.format };
}

export async function runExport(): Promise<void> {
  const f = getDesk().exportForm;
  if (f.rows !== null) return;
  const input = inputOf(f);
  if (typeof input === 'string') return setDesk({ failure: input });
  setDesk({ failure: null });
  setExport({ rows: 0, done: null });
  const off = api.on('exportProgress', ({ rows }) => setExport({ rows }));
  try {
    const done = await api.exportCatalogue(input);
    const line = done ? `wrote ${done.rows.toLocaleString('en')} ${done.rows === 1 ? 'spectrum' : 'spectra'} to ${done.file}` : 'export cancelled; nothing written';
    setExport({ done: line });
    showInfo(line);
  } catch (err) {
    setDesk({ failure: `export failed, nothing kept: ${messageOf(err)}` });
  } finally {
    off();
    setExport({ rows: null });
  }
}
