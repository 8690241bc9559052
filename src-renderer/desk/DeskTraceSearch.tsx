/**
 * The trace screen: a search box (obsid, designation, or plan + spectrograph + fibre) and an
 * optional moment, then the story found. Enter traces, Tab moves between the two boxes, Esc goes
 * back (the keys listed under the screen); in the boxes "s" is text, not a desk key.
 */
import { useEffect, useRef } from 'react';
import { useDesk } from './deskState';
import { editTrace, leaveTrace, runTrace } from './traceActions';
import { TraceStory } from './TraceStory';

export function DeskTraceSearch() {
  const trace = useDesk((s) => s.trace);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <>
      <p className="desk-filters trace-search">
        <TraceBox field="text" label="spectrum" inputRef={box} placeholder="obsid, J123456.78+123456.7, or PLAN 4 17" aria="spectrum to trace" />{' '}
        <TraceBox field="at" label="at" placeholder="now, or YYYY-MM-DD" aria="the moment to trace it at" />
      </p>
      {trace.story && <TraceStory story={trace.story} />}
    </>
  );
}

interface BoxProps {
  field: 'text' | 'at';
  label: string;
  placeholder: string;
  aria: string;
  inputRef?: React.Ref<HTMLInputElement>;
}

/** One of the two boxes: Enter traces, Esc goes back; every other key is text. */
function TraceBox({ field, label, placeholder, aria, inputRef }: BoxProps) {
  const value = useDesk((s) => s.trace[field]);
  const keys = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') void runTrace();
    else if (e.key === 'Escape') leaveTrace();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <label>
      {label}{' '}
      <input
        ref={inputRef}
        className={field === 'text' ? 'trace-key' : 'trace-at'}
        value={value}
        placeholder={placeholder}
        aria-label={aria}
        onChange={(e) => editTrace({ [field]: e.target.value })}
        onKeyDown={keys}
      />
    </label>
  );
}
