import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type ReactElement } from 'react';
import { describeKey } from '../editor/editor-commands';
import { isApplePlatform } from '../ui/platform';
import type { EditorSession } from '../editor/editor-session';
import { viewState } from '../settings/view-state';
import {
  eventMatchesKey,
  fuzzyScore,
  paletteCommands,
  windowCommands,
  type PaletteCommand,
} from './app-commands';
import './CommandPalette.css';
import { useReturnFocus } from '../accessibility';

/** Props of {@link CommandPalette}. */
export interface CommandPaletteProps {
  readonly session: EditorSession;
}

/**
 * The command palette (Ctrl/Cmd+Shift+P): every command with its shortcut, filtered as you
 * type, run with Enter. Also installs the window-level shortcuts (palette, settings, modes),
 * which work wherever the focus is.
 */
export function CommandPalette({ session }: CommandPaletteProps): ReactElement | null {
  const { paletteOpen } = useSyncExternalStore(viewState.subscribe, viewState.getSnapshot);
  const { view } = useSyncExternalStore(session.subscribe, session.getSnapshot);

  useEffect(() => {
    const apple = isApplePlatform();
    const onKey = (event: KeyboardEvent): void => {
      const command = windowCommands.find((c) => c.key && eventMatchesKey(event, c.key, apple));
      if (!command) return;
      event.preventDefault();
      event.stopPropagation();
      command.run(session.getSnapshot().view);
    };
    // Capture: window shortcuts win over the editor's keymaps (vim's normal mode included).
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [session]);

  if (!paletteOpen) return null;
  return (
    <PaletteDialog
      hasEditor={view !== null}
      onClose={() => viewState.set({ paletteOpen: false })}
      onRun={(command) => {
        viewState.set({ paletteOpen: false });
        // The focus goes back where the palette was opened from, unless the command moved it.
        command.run(session.getSnapshot().view);
      }}
    />
  );
}

function PaletteDialog({
  hasEditor,
  onClose,
  onRun,
}: {
  hasEditor: boolean;
  onClose: () => void;
  onRun: (command: PaletteCommand) => void;
}): ReactElement {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const apple = isApplePlatform();
  useReturnFocus();

  const results = useMemo(
    () =>
      paletteCommands
        .filter((command) => hasEditor || !command.needsEditor)
        .map((command) => ({ command, score: fuzzyScore(`${command.group}: ${command.title}`, query) }))
        .map((entry) => ({ ...entry, score: entry.score ?? fuzzyScore(entry.command.title, query) }))
        .filter((entry): entry is { command: PaletteCommand; score: number } => entry.score !== null)
        .sort((a, b) => a.score - b.score)
        .map((entry) => entry.command),
    [query, hasEditor],
  );
  const selected = Math.min(active, Math.max(0, results.length - 1));

  useEffect(() => {
    input.current?.focus();
  }, []);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <div className="folio-palette-backdrop" onMouseDown={onClose}>
      <div
        className="folio-palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        onMouseDown={(event) => event.stopPropagation()}
      >
        <input
          ref={input}
          className="folio-palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={results.length > 0 ? `${listId}-${selected}` : undefined}
          aria-label="Type a command"
          placeholder="Type a command…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((selected + 1) % Math.max(1, results.length));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((selected - 1 + results.length) % Math.max(1, results.length));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              const command = results[selected];
              if (command) onRun(command);
            } else if (event.key === 'Escape') {
              event.preventDefault();
              onClose();
            }
          }}
        />
        <ul className="folio-palette-list" id={listId} role="listbox" aria-label="Commands" ref={list}>
          {results.map((command, index) => {
            const checked = command.checked?.();
            return (
              <li
                key={command.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === selected}
                className="folio-palette-item"
                onMouseMove={() => setActive(index)}
                onClick={() => onRun(command)}
              >
                <span className="folio-palette-group">{command.group}</span>
                <span className="folio-palette-title">
                  {command.title}
                  {checked !== undefined && (
                    <span className="folio-palette-state">{checked ? 'on' : 'off'}</span>
                  )}
                </span>
                {command.key && <kbd className="folio-palette-key">{describeKey(command.key, apple)}</kbd>}
              </li>
            );
          })}
          {results.length === 0 && <li className="folio-palette-none">No command matches “{query}”.</li>}
        </ul>
      </div>
    </div>
  );
}
