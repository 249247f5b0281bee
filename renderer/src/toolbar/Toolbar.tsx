import { useSyncExternalStore, type ReactElement } from 'react';
import { describeKey, editorCommands, isApplePlatform, type EditorCommand } from '../editor/editor-commands';
import type { EditorSession } from '../editor/editor-session';
import { windowCommands } from '../palette/app-commands';
import { settingsStore } from '../settings/settings-store';
import { viewState } from '../settings/view-state';
import './Toolbar.css';

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  readonly session: EditorSession;
}

const groups = ['Format', 'Paragraph', 'Insert'] as const;

function tooltip(title: string, key: string | undefined, apple: boolean): string {
  return key ? `${title} (${describeKey(key, apple)})` : title;
}

/**
 * The formatting toolbar above the editor: every command that has a button label, grouped,
 * with its shortcut in the tooltip; then the view toggles (outline, focus, typewriter, full
 * screen, settings, palette). Buttons do not take focus from the editor.
 */
export function Toolbar({ session }: ToolbarProps): ReactElement | null {
  const { view } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const settings = useSyncExternalStore(settingsStore.subscribe, settingsStore.getSnapshot);
  const { distractionFree } = useSyncExternalStore(viewState.subscribe, viewState.getSnapshot);
  const apple = isApplePlatform();
  if (!settings.showToolbar) return null;
  const disabled = view === null || view.state.readOnly;

  const run = (command: EditorCommand): void => {
    if (!view) return;
    command.run(view);
    view.focus();
  };
  const windowCommand = (id: string) => windowCommands.find((command) => command.id === id)!;
  const toggles: { id: string; label: string; pressed: boolean }[] = [
    { id: 'view.outline', label: 'Outline', pressed: settings.showOutline },
    { id: 'view.focus', label: 'Focus', pressed: settings.focusMode },
    { id: 'view.typewriter', label: 'Typewriter', pressed: settings.typewriterMode },
    { id: 'view.distractionFree', label: 'Full screen', pressed: distractionFree },
  ];

  return (
    <div className="folio-toolbar" role="toolbar" aria-label="Formatting">
      {groups.map((group) => (
        <div className="folio-toolbar-group" key={group} role="group" aria-label={group}>
          {editorCommands
            .filter((command) => command.group === group && command.label)
            .map((command) => (
              <button
                key={command.id}
                type="button"
                className={`folio-toolbar-button folio-toolbar-${command.id.replace('.', '-')}`}
                aria-label={command.title}
                title={tooltip(command.title, command.key, apple)}
                disabled={disabled}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => run(command)}
              >
                {command.label}
              </button>
            ))}
        </div>
      ))}
      <div className="folio-toolbar-group folio-toolbar-view" role="group" aria-label="View">
        {toggles.map((toggle) => {
          const command = windowCommand(toggle.id);
          return (
            <button
              key={toggle.id}
              type="button"
              className="folio-toolbar-button folio-toolbar-toggle"
              aria-pressed={toggle.pressed}
              title={tooltip(command.title, command.key, apple)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => command.run(view)}
            >
              {toggle.label}
            </button>
          );
        })}
        <button
          type="button"
          className="folio-toolbar-button"
          aria-label="Settings"
          title={tooltip('Settings', windowCommand('view.settings').key, apple)}
          onClick={() => windowCommand('view.settings').run(view)}
        >
          ⚙
        </button>
        <button
          type="button"
          className="folio-toolbar-button"
          aria-label="Command palette"
          title={tooltip('Command palette', windowCommand('view.palette').key, apple)}
          onClick={() => windowCommand('view.palette').run(view)}
        >
          ⌘…
        </button>
      </div>
    </div>
  );
}
