import { useCallback, useLayoutEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Menu, type MenuItem } from '../menu/Menu';
import './OverflowRow.css';
import { countOf } from '../../../shared/plural';

/** Props of {@link OverflowRow}. */
export interface OverflowRowProps {
  /** The toolbar's accessible name. */
  readonly label: string;
  /** Class of the row; its CSS sets the height of one line. */
  readonly className: string;
  readonly children: ReactNode;
}

/** Set on the row while it keeps room for its "…" button (OverflowRow.css). */
const hasMoreClass = 'folio-overflow-has-more';

/** The row's buttons, except its own "More" button. */
function controls(row: HTMLElement): HTMLButtonElement[] {
  return [...row.querySelectorAll<HTMLButtonElement>('button:not(.folio-overflow-more)')];
}

/** The buttons the keyboard reaches in the row, in order: those shown and enabled, then "More". */
function reachable(row: HTMLElement): HTMLButtonElement[] {
  return [...row.querySelectorAll<HTMLButtonElement>('button')].filter(
    (button) => !button.disabled && !button.hasAttribute('data-overflowed'),
  );
}

/** A hidden button as an entry of the "More" menu: same name, shortcut, state, and action. */
function menuItem(button: HTMLButtonElement): MenuItem {
  const pressed = button.getAttribute('aria-pressed');
  return {
    label: button.getAttribute('aria-label') ?? button.textContent ?? '',
    shortcut: button.dataset.shortcut,
    checked: pressed === null ? undefined : pressed === 'true',
    disabled: button.disabled,
    run: () => button.click(),
  };
}

/**
 * A toolbar that keeps to one line at any width (the "priority+" pattern): the buttons that do
 * not fit, from the end, are hidden and offered in a "More" menu, in order, with their
 * shortcuts (`data-shortcut`) and on/off state (`aria-pressed`). An entry clicks the hidden
 * button itself, so every command keeps one definition. Hidden buttons stay in the layout
 * (wrapped onto a clipped second line), so measuring is stable; `visibility: hidden` takes them
 * out of the tab order and the accessibility tree.
 */
export function OverflowRow({ label, className, children }: OverflowRowProps): ReactElement {
  const row = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState(0);
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[]; anchor: HTMLElement } | null>(
    null,
  );

  // The toolbar is one tab stop (the WAI-ARIA toolbar pattern): the button last focused, else
  // the first one reachable; arrows, Home and End move between the buttons shown.
  const stop = useRef<HTMLButtonElement | null>(null);
  const rove = useCallback(() => {
    const element = row.current;
    if (!element) return;
    const buttons = reachable(element);
    const current = stop.current && buttons.includes(stop.current) ? stop.current : (buttons[0] ?? null);
    for (const button of element.querySelectorAll<HTMLButtonElement>('button')) {
      const index = button === current ? '0' : '-1';
      if (button.getAttribute('tabindex') !== index) button.setAttribute('tabindex', index);
    }
  }, []);

  const measure = useCallback(() => {
    const element = row.current;
    if (!element) return;
    // First as if nothing were hidden (no room kept for "…"), so the row never keeps "…" once
    // everything fits again; only if something does not fit, again with the room kept.
    const offRow = (): HTMLButtonElement[] =>
      controls(element).filter((button) => button.offsetTop + button.offsetHeight > element.clientHeight);
    element.classList.remove(hasMoreClass);
    let off = offRow();
    if (off.length > 0) {
      element.classList.add(hasMoreClass);
      off = offRow();
    }
    for (const button of controls(element)) {
      const hide = off.includes(button);
      if (hide !== button.hasAttribute('data-overflowed')) button.toggleAttribute('data-overflowed', hide);
    }
    setHidden(off.length);
    rove();
  }, [rove]);
  // Measured when the row is laid out, resized, or its buttons or labels change, and once the
  // fonts have loaded (they change every button's width). Not on every render: the workspace
  // renders on each keystroke, and reading the layout then would force it early.
  useLayoutEffect(() => {
    const element = row.current;
    if (!element) return;
    measure();
    const resized = new ResizeObserver(measure);
    resized.observe(element);
    const changed = new MutationObserver(measure);
    changed.observe(element, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
    void document.fonts?.ready.then(measure);
    return () => {
      resized.disconnect();
      changed.disconnect();
    };
  }, [measure]);

  const openMenu = (button: HTMLButtonElement): void => {
    const element = row.current;
    if (!element) return;
    const items = controls(element)
      .filter((control) => control.hasAttribute('data-overflowed'))
      .map(menuItem);
    const box = button.getBoundingClientRect();
    setMenu({ x: box.right - 240, y: box.bottom + 2, items, anchor: button });
  };
  const closeMenu = useCallback(() => setMenu(null), []);

  return (
    <div
      ref={row}
      // `hasMoreClass` is the measuring's to set (above), not React's.
      className={`folio-overflow-row ${className}`}
      role="toolbar"
      aria-label={label}
      onFocus={(event) => {
        const target = event.target;
        if (target instanceof HTMLButtonElement && row.current?.contains(target)) {
          stop.current = target;
          rove();
        }
      }}
      onKeyDown={(event) => {
        const element = row.current;
        // Keys from the "More" menu reach here through its portal: they are the menu's.
        if (!element?.contains(event.target as Node)) return;
        const buttons = reachable(element);
        const at = buttons.indexOf(event.target as HTMLButtonElement);
        if (at < 0 || buttons.length === 0) return;
        const next =
          event.key === 'ArrowRight'
            ? (at + 1) % buttons.length
            : event.key === 'ArrowLeft'
              ? (at - 1 + buttons.length) % buttons.length
              : event.key === 'Home'
                ? 0
                : event.key === 'End'
                  ? buttons.length - 1
                  : null;
        if (next === null) return;
        event.preventDefault();
        buttons[next]!.focus();
      }}
    >
      {children}
      {hidden > 0 && (
        <button
          type="button"
          className="folio-overflow-more"
          aria-label="More"
          aria-haspopup="menu"
          aria-expanded={menu !== null}
          title={`More: ${countOf(hidden, { one: 'tool does', other: 'tools do' })} not fit`}
          onClick={(event) => (menu ? closeMenu() : openMenu(event.currentTarget))}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              openMenu(event.currentTarget);
            }
          }}
        >
          …
        </button>
      )}
      {/* In the body, so the row's styles and measuring leave the menu's buttons alone. */}
      {menu && createPortal(<Menu label={`More in ${label}`} {...menu} onClose={closeMenu} />, document.body)}
    </div>
  );
}
