/** The assistant's fit in a trace: fitted here from the local copy of the spectrum, or why there is none. */
import { useEffect, useState } from 'react';
import type { FitResult } from '../../shared/fit';
import { fitErrorText, fitter } from '../assistant/fitter';

type Shown = { obsid: number } & ({ state: 'done'; fit: FitResult } | { state: 'none'; why: string });

export function TraceFit({ obsid }: { obsid: number }) {
  // The answer for another spectrum (the one traced before) counts as still fitting.
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    let live = true;
    fitter.get(obsid).then(
      (fit) => live && setShown({ obsid, state: 'done', fit }),
      (err: unknown) => live && setShown({ obsid, state: 'none', why: fitErrorText(obsid, err) }),
    );
    return () => {
      live = false;
    };
  }, [obsid]);
  if (shown?.obsid !== obsid) return <dd className="hint">fitting the local copy…</dd>;
  if (shown.state === 'none') return <dd data-testid="trace-fit">none — {shown.why}</dd>;
  if (!shown.fit.ok) return <dd data-testid="trace-fit">{shown.fit.reason}</dd>;
  const b = shown.fit.best;
  return (
    <dd data-testid="trace-fit">
      {b.class} {b.subclass ?? ''} z={b.z.toFixed(4)} ± {b.zErr.toFixed(4)} · χ²/dof {shown.fit.reducedChi2.toFixed(2)}
    </dd>
  );
}
