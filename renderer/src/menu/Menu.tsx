import { useEffect, useRef, type KeyboardEvent, type ReactElement } from 'react';
import './Menu.css';

/** One entry of a {@link Menu}. */
export interface MenuItem {
  readonly label: string;
  /** Shortcut shown on the right (informational). */
  readonly shortcut?: string;
  /** Set for an on/off entry (a `menuitemcheckbox`): whether it is on. */
  readonly checked?: boolean;
  readonly disabled?: boolean;
  readonly run: () => void;
}

/** Props of {@link Menu}. */
export interface MenuProps {
  readonly label: string;
  /** Where the menu opens (viewport coordinates); it is kept inside the window. */
  readonly x: number;
  readonly y: number;
  readonly items: readonly MenuItem[];
  /** The button that opened the menu, if any: clicks on it do not count as clicks elsewhere. */
  readonly anchor?: HTMLElement;
  readonly onClose: () => void;
}

const itemSelector = '[role="menuitem"], [role="menuitemcheckbox"]';

/**
 * A popup menu at a point (a context menu, or the list under a toolbar's "More" button), with
 * the ARIA menu pattern: focus starts on the first item, arrow keys and Home/End move, Enter
 * runs, Escape, Tab or a click elsewhere closes. Closing gives the focus back to where it was,
 * unless the item that ran moved it on (into the editor, a dialog).
 */
export function Menu({ label, x, y, items, anchor, onClose }: MenuProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const menu = ref.current;
    menu?.querySelector<HTMLElement>(`:is(${itemSelector}):not(:disabled)`)?.focus();
    // A click on the anchor is the anchor's to handle (it toggles the menu).
    const away = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menu?.contains(target) && !anchor?.contains(target)) onClose();
    };
    // Escape closes the menu even if something else took the focus meanwhile.
    const escape = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('mousedown', away, true);
    window.addEventListener('keydown', escape, true);
    return () => {
      window.removeEventListener('mousedown', away, true);
      window.removeEventListener('keydown', escape, true);
      const now = document.activeElement;
      if (!now || now === document.body || menu?.contains(now)) opener?.focus?.();
    };
  }, [onClose, anchor]);
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>(itemSelector) ?? [])].filter(
      (button) => !button.disabled,
    );
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (at + (event.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length;
      buttons[next]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      buttons[event.key === 'Home' ? 0 : buttons.length - 1]?.focus();
    }
  };
  // When some entries can be on or off, every entry keeps the column for the check mark.
  const checks = items.some((item) => item.checked !== undefined);
  const left = Math.max(4, Math.min(x, window.innerWidth - 240));
  const top = Math.max(4, Math.min(y, window.innerHeight - items.length * 32 - 16));
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="folio-menu"
      style={{ left, top }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
          aria-checked={item.checked}
          disabled={item.disabled}
          tabIndex={-1}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {checks && (
            <span className="folio-menu-check" aria-hidden="true">
              {item.checked ? '✓' : ''}
            </span>
          )}
          <span className="folio-menu-label">{item.label}</span>
          {item.shortcut && <kbd>{item.shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
