/** The app frame: top bar, then either the batch list or the review screen. */
import { useEffect } from 'react';
import type { ReviewMode } from '../../shared/model';
import { readSyncProgress } from '../../shared/syncProgress';
import { useBrowse } from '../browse/browseState';
import { useBrowseKeys } from '../browse/useBrowseKeys';
import { useSlitKeys } from '../spectrograph/useSlitKeys';
import { api } from '../api';
import type { FirstAnswers } from '../api/firstAnswers';
import { loadFrame, refreshBatches, setTraceOpener } from '../review/actions';
import { showError } from '../review/notify';
import { useReviewKeys } from '../review/useReviewKeys';
import { setState, useApp } from '../state/store';
import { loadMember } from '../desk/deskActions';
import { useDesk } from '../desk/deskState';
import { useDeskKeys } from '../desk/useDeskKeys';
import { openTrace } from '../desk/traceActions';
import { BatchList } from './BatchList';
import { ErrorBoundary } from './ErrorBoundary';
import { KeyHelp } from './KeyHelp';
import { NoticeBar } from './NoticeBar';
import { BrowseScreen, DeskScreen, OnceOpened, preloadReview, ReviewScreen, SettingsPanel, SignInDialog, SpectrographScreen } from './lazyScreens';
import { TopBar } from './TopBar';

setTraceOpener(openTrace);

/** What fills the window for the open batch: its mode's view, or the single view. */
function Screen({ mode }: { mode: ReviewMode }) {
  const single = useBrowse((b) => b.single);
  if (mode === 'browse' && !single) return <BrowseScreen />;
  if (mode === 'spectrograph') return <SpectrographScreen />;
  return <ReviewScreen />;
}

/** The list from its answers (asked for by firstRequests.ts), then the review screen's module: main.tsx calls it before React's first render. */
export function loadFirstView(asked: Promise<FirstAnswers>): void {
  const listed = loadFrame(asked);
  // It runs while the list's answers are on their way (index.html had it fetched beside the
  // first module), so a batch opened the moment the list shows finds it ready.
  preloadReview();
  // The demo has no server to ask who we are at the desk: asking would only fail.
  void listed.then(() => (useApp.getState().status?.origin.kind === 'demo' ? undefined : loadMember()));
}

export function App() {
  const mode = useApp((s) => s.review?.batch.mode ?? null);
  const signingIn = useApp((s) => s.showSignIn);
  const settingsOpen = useApp((s) => s.showSettings);
  const modal = signingIn || settingsOpen;
  const desk = useDesk((d) => d.screen);
  // The mode keys listen first (capture); what they leave goes on to the review keys.
  useDeskKeys();
  useBrowseKeys();
  useSlitKeys();
  useReviewKeys();

  useEffect(() => {
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
        <KeyHelp />
      </div>
      <OnceOpened open={signingIn}>
        <SignInDialog />
      </OnceOpened>
      <OnceOpened open={settingsOpen}>
        <SettingsPanel />
      </OnceOpened>
    </div>
  );
}
