/** The app frame: top bar, then either the batch list or the review screen. */
import { useEffect, useMemo } from 'react';
import type { HelpRow } from '../../shared/keymap';
import { describeBrowse, describeSpectrograph, modeHelpRows } from '../../shared/modeKeys';
import type { ReviewMode } from '../../shared/model';
import { readSyncProgress } from '../../shared/syncProgress';
import { BrowseScreen } from '../browse/BrowseScreen';
import { useBrowse } from '../browse/browseState';
import { useBrowseKeys } from '../browse/useBrowseKeys';
import { SpectrographScreen } from '../spectrograph/SpectrographScreen';
import { useSlitKeys } from '../spectrograph/useSlitKeys';
import { api } from '../api';
import { loadFrame, refreshBatches, setTraceOpener } from '../review/actions';
import { showError } from '../review/notify';
import { KeyHelp } from '../review/KeyHelp';
import { ReviewScreen } from '../review/ReviewScreen';
import { useReviewKeys } from '../review/useReviewKeys';
import { setState, useApp } from '../state/store';
import { DeskScreen } from '../desk/DeskScreen';
import { loadMember } from '../desk/deskActions';
import { DESK_SCREENS, deskKeysNow, keyLabel } from '../desk/deskKeys';
import { useDesk } from '../desk/deskState';
import { useDeskKeys } from '../desk/useDeskKeys';
import { openTrace } from '../desk/traceActions';
import { BatchList } from './BatchList';
import { ErrorBoundary } from './ErrorBoundary';
import { NoticeBar } from './NoticeBar';
import { SettingsPanel } from './SettingsPanel';
import { SignInDialog } from './SignIn';
import { TopBar } from './TopBar';

setTraceOpener(openTrace);

/** The mode keys listed first in the key help while that view is on screen, as the reviewer has bound them. */
function useModeHelp(): Record<'browse' | 'spectrograph', { title: string; rows: HelpRow[] }> {
  const browse = useApp((s) => s.browseKeymap);
  const slit = useApp((s) => s.slitKeymap);
  return useMemo(
    () => ({
      browse: { title: 'Browse grid', rows: modeHelpRows(browse, describeBrowse) },
      spectrograph: { title: 'Spectrograph view', rows: modeHelpRows(slit, describeSpectrograph) },
    }),
    [browse, slit],
  );
}

/** What fills the window for the open batch: its mode's view, or the single view. */
function Screen({ mode }: { mode: ReviewMode }) {
  const single = useBrowse((b) => b.single);
  if (mode === 'browse' && !single) return <BrowseScreen />;
  if (mode === 'spectrograph') return <SpectrographScreen />;
  return <ReviewScreen />;
}

/** The open desk screen's keys, listed first in the key help (`?`); on the batch list, the keys that open the desk screens. */
function useDeskHelp(): { title: string; rows: HelpRow[] } | null {
  const screen = useDesk((d) => d.screen);
  const member = useDesk((d) => d.member);
  const keymap = useApp((s) => s.keymap);
  const screenKeys = useApp((s) => s.screenKeys);
  const caseOpen = useDesk((d) => d.openCase !== null);
  const problemOpen = useDesk((d) => d.openProblem !== null);
  return useMemo(() => {
    const title = screen === null ? 'Desk screens (from your batch list)' : DESK_SCREENS.find((d) => d.screen === screen)?.title;
    const rows = deskKeysNow(member, keymap, screenKeys).map((k) => ({ keys: k.keys.map(keyLabel), text: k.text }));
    if (!title || rows.length === 0) return null;
    const where = caseOpen ? ': a case open' : problemOpen ? ': a report open' : '';
    return { title: `${title}${where}`, rows };
  }, [screen, member, keymap, screenKeys, caseOpen, problemOpen]);
}

export function App() {
  const mode = useApp((s) => s.review?.batch.mode ?? null);
  const modal = useApp((s) => s.showSignIn || s.showSettings);
  const single = useBrowse((b) => b.single);
  const desk = useDesk((d) => d.screen);
  // The mode keys listen first (capture); what they leave goes on to the review keys.
  useDeskKeys();
  useBrowseKeys();
  useSlitKeys();
  useReviewKeys();
  const deskHelp = useDeskHelp();
  const modeHelps = useModeHelp();
  const modeHelp = mode === 'spectrograph' || (mode === 'browse' && !single) ? modeHelps[mode] : (deskHelp ?? undefined);

  useEffect(() => {
    // The demo has no server to ask who we are at the desk: asking would only fail.
    void loadFrame().then(() => (useApp.getState().status?.origin.kind === 'demo' ? undefined : loadMember()));
    const offStatus = api.on('statusChanged', (status) => setState({ status }));
    // The payload crossed a process boundary: a malformed one is dropped, not drawn.
    const offProgress = api.on('syncProgress', (raw) => {
      const sync = readSyncProgress(raw);
      if (sync) setState({ sync: sync.phase === 'done' ? null : sync });
    });
    // A sign-in or sync elsewhere may change the batches: refresh the list when status changes batch counts.
    const offBatches = api.on('statusChanged', () => {
      if (useApp.getState().review === null) void refreshBatches();
    });
    // Signing in or out changes who the server says we are, and so the desk screens offered.
    const offMember = api.on('statusChanged', (s) => (s.origin.kind === 'demo' ? useDesk.setState({ member: null, screen: null }) : void loadMember()));
    // Anything that slipped past an action's own handling still ends as a readable line.
    const onRejection = (e: PromiseRejectionEvent) => showError(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      offStatus();
      offProgress();
      offBatches();
      offMember();
    };
  }, []);

  return (
    <div className="app">
      {/* Behind the sign-in nothing can be focused or clicked, so Tab stays in the dialog. */}
      <div className="app-frame" inert={modal}>
        <TopBar />
        <NoticeBar />
        <main className="app-main">
          <ErrorBoundary>{mode ? <Screen mode={mode} /> : desk ? <DeskScreen screen={desk} /> : <BatchList />}</ErrorBoundary>
        </main>
        <KeyHelp modeRows={modeHelp} />
      </div>
      <SignInDialog />
      <SettingsPanel />
    </div>
  );
}
