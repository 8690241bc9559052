/**
 * How `npm start` chooses between the Electron app and the web edition:
 * 0. No display to open a window on (a server, a container) → the web edition.
 * 1. Electron's binary present → the app (after building an Electron-ABI better-sqlite3).
 * 2. Absent → run the electron package's own installer once, with a short timeout.
 * 3. Download or native build impossible (offline, no headers) → one line saying so, then
 *    `specvet serve`, the same UI at http://127.0.0.1:PORT.
 * The steps are injected (LaunchSteps) so the choice is tested without a real binary.
 */
import type { LaunchSteps } from './launchTypes';

export type { LaunchSteps, Outcome } from './launchTypes';

export type Plan =
  | { kind: 'electron'; binary: string; nativeBinding: string }
  | { kind: 'web'; reason: string };

export async function choosePlan(steps: LaunchSteps): Promise<Plan> {
  const display = steps.display();
  if (!display.ok) return { kind: 'web', reason: `Electron cannot open a window (${display.reason})` };
  let binary = steps.findElectron();
  if (!binary) {
    const installed = await steps.installElectron();
    if (!installed.ok) return { kind: 'web', reason: `Electron's binary could not be downloaded (${installed.reason})` };
    binary = steps.findElectron();
    if (!binary) return { kind: 'web', reason: "Electron's installer finished but left no binary" };
  }
  const native = await steps.electronNativeBinding();
  if (!native.ok) {
    return { kind: 'web', reason: `SQLite could not be built for Electron (${native.reason})` };
  }
  return { kind: 'electron', binary, nativeBinding: native.value };
}

/** The single line printed before falling back to the web edition. */
export function fallbackLine(plan: Extract<Plan, { kind: 'web' }>): string {
  return `${plan.reason}; serving the web edition instead`;
}

/** Entry point of scripts/start.mjs. */
export async function start(argv: string[]): Promise<number> {
  const { realSteps, ensureBuilt, runElectron, runWebEdition } = await import('./launchSteps');
  const forceWeb = argv.includes('--web');
  const plan: Plan = forceWeb ? { kind: 'web', reason: '--web given' } : await choosePlan(realSteps());
  if (plan.kind === 'web') {
    if (!forceWeb) console.log(fallbackLine(plan));
    await ensureBuilt({ main: false });
    return runWebEdition(argv.filter((a) => a !== '--web' && a !== '--'));
  }
  await ensureBuilt({ main: true });
  return runElectron(plan.binary, plan.nativeBinding);
}
