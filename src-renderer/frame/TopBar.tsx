/**
 * Who is signed in, where the data comes from, how sync stands, and the Sync button; under it,
 * off a batch, the row of desk screens the role may open (DeskLinks.tsx).
 */
import type { AppStatus, SyncProgress } from '../../shared/model';
import { checkCentralUrl, nodeName } from '../../shared/centralUrl';
import { progressLine } from '../../shared/syncProgress';
import { closeBatch, runSync, signOut } from '../review/actions';
import { setState, useApp } from '../state/store';
import { DeskLinks } from '../desk/DeskLinks';

/**
 * A click on a top-bar button leaves the keyboard focus where it was: otherwise the button keeps
 * it, and the reviewer's next Enter (accept) would press Sync again. Tab still reaches them.
 */
const keepFocus = { onMouseDown: (e: { preventDefault(): void }) => e.preventDefault() };

export function TopBar() {
  const status = useApp((s) => s.status);
  const sync = useApp((s) => s.sync);
  const batchName = useApp((s) => s.review?.batch.name ?? null);
  const syncLine = sync ? progressLine(sync) : status ? syncText(status) : 'connecting…';
  const demo = status?.origin.kind === 'demo';
  return (
    <>
      <header className={batchName === null ? 'top-bar' : 'top-bar reviewing'}>
        <span className="brand">SpecVet</span>
        {batchName !== null && (
          <button type="button" className="link crumb" {...keepFocus} onClick={closeBatch} title={`back to the batch list (Esc) — ${batchName}`}>
            ‹ Batches / <strong>{batchName}</strong>
          </button>
        )}
        <span className="spacer" />
        {status && <StatusText status={status} />}
        {sync && <SyncBar sync={sync} />}
        <span className={status?.lastError && !sync ? 'sync-state problem' : 'sync-state'} data-testid="sync-state" title={syncLine}>
          {syncLine}
        </span>
        <button type="button" {...keepFocus} onClick={() => setState({ showSettings: true, showHelp: false })} title="Settings: data source, rebind keys, Enter's quality (Ctrl+,)" aria-label="Settings">
          {/* A sign, not a word: the top bar has little room to spare at 1280 while syncing. */}
          ⚙
        </button>
        {(demo || status?.signInNeeded) && (
          <button type="button" {...keepFocus} onClick={() => setState({ showSignIn: true })} title={demo ? 'sign in to a central server' : 'the sync needs your password again'}>
            Sign in…
          </button>
        )}
        {status && !demo && (
          <button type="button" {...keepFocus} onClick={() => void signOut()} title="back to the demo; your cache stays on disk">
            Sign out
          </button>
        )}
        <button type="button" {...keepFocus} onClick={() => void runSync()} disabled={sync !== null}>
          {sync ? 'Syncing…' : 'Sync'}
        </button>
      </header>
      {/* A row of its own: beside the status a coordinator's seven links cut the user and the sync line short at 1280 px. */}
      {batchName === null && <DeskLinks />}
    </>
  );
}

/** The sync's own counts as a bar; the review keys keep working underneath (nothing here takes focus). */
function SyncBar({ sync }: { sync: SyncProgress }) {
  const known = sync.total > 0;
  return (
    <progress
      className="sync-bar"
      data-testid="sync-progress"
      aria-label={progressLine(sync)}
      max={known ? sync.total : undefined}
      value={known ? sync.done : undefined}
    />
  );
}

function StatusText({ status }: { status: AppStatus }) {
  const full = status.origin.kind === 'demo' ? 'demo data (no server)' : status.origin.server;
  return (
    <span className="status" data-testid="status">
      <span className="user" title={status.user}>
        {status.user}
      </span> · {/* the less important part: shortened first, in full on hover */}
      <span className="origin" title={full}>
        {status.origin.kind === 'demo' ? full : serverText(full)}
      </span>{' '}
      ·{' '}
      <span data-testid="outbox">
        {status.outboxPending} not pushed{status.outboxRefused > 0 ? ` · ${status.outboxRefused} refused by the server` : ''}
      </span>
    </span>
  );
}

/** The server without the scheme and the user, who is named just before it: host:port/database. */
function serverText(server: string): string {
  const r = checkCentralUrl(server);
  return r.ok ? `${r.target.nodes.map(nodeName).join(',')}/${r.target.database}` : server;
}

function syncText(s: AppStatus): string {
  // lastError is already one full line ("offline: …", "2 changes refused … see them with …").
  if (s.lastError) return s.lastError;
  if (s.origin.kind === 'demo') return 'offline demo';
  return s.lastSync ? `synced ${whenText(new Date(s.lastSync))}` : 'never synced';
}

/** Today's time alone (the top bar has little room); another day's with its date. */
function whenText(d: Date): string {
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return d.toDateString() === new Date().toDateString() ? time : `${d.toLocaleDateString()} ${time}`;
}
