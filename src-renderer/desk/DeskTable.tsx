/** The pieces of the desk's tables: a header row, and a row the keyboard cursor can sit on. */
import { useEffect, useRef, type ReactNode } from 'react';

export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c}>{c}</th>
        ))}
      </tr>
    </thead>
  );
}

/** Kept in view as the cursor moves. */
export function CursorRow({ atCursor, testId, children }: { atCursor: boolean; testId: string; children: ReactNode }) {
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (atCursor) row.current?.scrollIntoView({ block: 'nearest' });
  }, [atCursor]);
  return (
    <tr ref={row} className={atCursor ? 'at-cursor' : undefined} aria-current={atCursor ? 'true' : undefined} data-testid={testId}>
      {children}
    </tr>
  );
}
