/** The row of links under the top bar to the desk screens the signed-in person's role may use (their keys: in the title and README). */
import { closeDesk, openScreen } from './deskActions';
import { useApp } from '../state/store';
import { DESK_SCREENS, keyLabel, openerChord } from './deskKeys';
import { useDesk } from './deskState';

const keepFocus = { onMouseDown: (e: { preventDefault(): void }) => e.preventDefault() };

export function DeskLinks() {
  const member = useDesk((s) => s.member);
  const screen = useDesk((s) => s.screen);
  const screenKeys = useApp((s) => s.screenKeys);
  if (!member) return null;
  const offered = DESK_SCREENS.filter((d) => d.may(member) && d.linked !== false);
  if (offered.length === 0) return null;
  return (
    <nav className="desk-links" aria-label="desk screens">
      <button type="button" className={screen === null ? 'link current' : 'link'} {...keepFocus} onClick={closeDesk}>
        My batches
      </button>
      {offered.map((d) => (
        <button key={d.screen} type="button" className={screen === d.screen ? 'link current' : 'link'} {...keepFocus} onClick={() => openScreen(d.screen)} title={`${d.title}: key ${keyLabel(openerChord(d.screen, screenKeys) ?? '')} on your batch list`}>
          {d.title}
        </button>
      ))}
    </nav>
  );
}
