/**
 * The screens the batch list does not need, out of the first module: that module is what the
 * browser fetches, parses and runs before the list can show, so it carries only the list.
 * - The review screen (its chart, uPlot, the assistant's panel) is its own chunk, fetched and
 *   compiled beside the first module (index.html names it, vite.config.ts) and run while the
 *   list's answers are on their way (preloadReview): ready when a batch's items arrive.
 * - Every other screen is one chunk (deferredScreens.ts) that index.html has the browser
 *   prefetch at the lowest priority, so opening a browse or spectrograph batch, the desk, the
 *   settings or the sign-in finds it in the cache; it runs on first use, so it never takes the
 *   main thread while a single batch's first spectrum is on its way.
 */
import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

/** A chunk fetched once, and what it holds once in; a failed fetch (the server gone a moment) is tried again on the next use. */
function chunk<M>(importer: () => Promise<M>): { load(): Promise<M>; ready(): M | null } {
  let module: M | null = null;
  let loading: Promise<M> | null = null;
  return {
    load: () =>
      (loading ??= importer().then(
        (m) => (module = m),
        (err: unknown) => {
          loading = null;
          throw err;
        },
      )),
    ready: () => module,
  };
}

/**
 * One screen of a chunk. Once the chunk is in it renders at once; before, `fallback` shows
 * while the chunk comes. A mount keeps the kind it started with, so the screen is never
 * mounted twice when the chunk lands.
 */
function deferred<M, P extends object>(from: ReturnType<typeof chunk<M>>, pick: (m: M) => ComponentType<P>, fallback: ReactNode = null): ComponentType<P> {
  const Waiting = lazy(() => from.load().then((m) => ({ default: pick(m) })));
  return function Screen(props: P) {
    const [Loaded] = useState(() => {
      const m = from.ready();
      return m ? pick(m) : null;
    });
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={fallback}>
        <Waiting {...props} />
      </Suspense>
    );
  };
}

const review = chunk(() => import('../review/ReviewScreen'));
const others = chunk(() => import('./deferredScreens'));
const loadingScreen = <p className="placeholder">Loading…</p>;

export const ReviewScreen = deferred(review, (m) => m.ReviewScreen, loadingScreen);
export const BrowseScreen = deferred(others, (m) => m.BrowseScreen, loadingScreen);
export const SpectrographScreen = deferred(others, (m) => m.SpectrographScreen, loadingScreen);
export const DeskScreen = deferred(others, (m) => m.DeskScreen, loadingScreen);
export const SettingsPanel = deferred(others, (m) => m.SettingsPanel);
export const SignInDialog = deferred(others, (m) => m.SignInDialog);

/**
 * Mounts a dialog from its first opening on and keeps it mounted (what was typed in it stays,
 * as when it was part of the first module), so the chunk is not asked for before it is wanted.
 */
export function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open ? children : null;
}

/** Runs the review screen's chunk; a failure is left for its first use to show. */
export function preloadReview(): void {
  review.load().catch(() => undefined);
}
