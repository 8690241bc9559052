/** The app frame: top bar, then either the batch list or the review screen. */
import { useEffect } from 'react';
import { api } from '../api';
import { loadFrame, refreshBatches } from '../review/actions';
import { showError } from '../review/notify';
import { KeyHelp } from '../review/KeyHelp';
import { ReviewScreen } from '../review/ReviewScreen';
import { useReviewKeys } from '../review/useReviewKeys';
import { setState, useApp } from '../state/store';
import { BatchList } from './BatchList';
import { ErrorBoundary } from './ErrorBoundary';
import { NoticeBar } from './NoticeBar';
import { SignInDialog } from './SignIn';
import { TopBar } from './TopBar';

export function App() {
  const reviewing = useApp((s) => s.review !== null);
  const modal = useApp((s) => s.showSignIn);
  useReviewKeys();

  useEffect(() => {
    void loadFrame();
    const offStatus = api.on('statusChanged', (status) => setState({ status }));
    const offProgress = api.on('syncProgress', (sync) => setState({ sync: sync.phase === 'done' ? null : sync }));
    // A sign-in or sync elsewhere may change the batches: refresh the list when status changes batch counts.
    const offBatches = api.on('statusChanged', () => {
      if (useApp.getState().review === null) void refreshBatches();
    });
    // Anything that slipped past an action's own handling still ends as a readable line.
    const onRejection = (e: PromiseRejectionEvent) => showError(e.reason);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      window.removeEventListener('unhandledrejection', onRejection);
      offStatus();
      offProgress();
      offBatches();
    };
  }, []);

  return (
    <div className="app">
      {/* Behind the sign-in nothing can be focused or clicked, so Tab stays in the dialog. */}
      <div className="app-frame" inert={modal}>
        <TopBar />
        <NoticeBar />
        <main className="app-main">
          <ErrorBoundary>{reviewing ? <ReviewScreen /> : <BatchList />}</ErrorBoundary>
        </main>
        <KeyHelp />
      </div>
      <SignInDialog />
    </div>
  );
}
