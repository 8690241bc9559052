/** Fits the spectrum on screen (and the next ones ahead) and puts the result in the assistant's state. */
import { useEffect } from 'react';
import { fitErrorText, fitter } from './fitter';
import { useAssistant } from './assistantState';

export function useFit(obsids: readonly number[], index: number): void {
  const obsid = obsids[index];
  useEffect(() => {
    if (obsid === undefined) return;
    let live = true;
    useAssistant.setState({ view: { state: 'fitting', obsid }, candidate: 0 });
    fitter.get(obsid).then(
      (fit) => live && useAssistant.setState({ view: { state: 'ready', obsid, fit } }),
      (err: unknown) => live && useAssistant.setState({ view: { state: 'error', obsid, message: fitErrorText(obsid, err) } }),
    );
    fitter.focus(obsids, index);
    return () => {
      live = false;
    };
  }, [obsids, index, obsid]);
}
