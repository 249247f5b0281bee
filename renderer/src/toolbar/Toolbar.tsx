import { useSyncExternalStore, type ReactElement } from 'react';
import { describeKey, editorCommands, type EditorCommand } from '../editor/editor-commands';
import { isApplePlatform } from '../ui/platform';
import type { EditorSession } from '../editor/editor-session';
import { settingsStore } from '../settings/settings-store';
import { buttonName } from './button-name';
import { OverflowRow } from './OverflowRow';
import './Toolbar.css';

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  readonly session: EditorSession;
}

const groups = ['Format', 'Paragraph', 'Insert'] as const;

/**
 * A toolbar button's tooltip (what it does, and its shortcut as this platform writes it) and
 * its `data-shortcut`, which a bar's "…" menu shows (OverflowRow.tsx). `key` is CodeMirror's
 * name for it (`Mod-Alt-h`).
 */
export function shortcutAttributes(
  title: string,
  key: string | undefined,
): { title: string; 'data-shortcut'?: string } {
  if (!key) return { title };
  const shortcut = describeKey(key, isApplePlatform());
  return { title: `${title} (${shortcut})`, 'data-shortcut': shortcut };
}

/**
 * The formatting toolbar above the editor: every command that has a button label, grouped,
 * with its shortcut in the tooltip. It keeps to one line; what does not fit is in its "More"
 * menu. Buttons do not take focus from the editor.
 */
export function Toolbar({ session }: ToolbarProps): ReactElement | null {
  const { view } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const settings = useSyncExternalStore(settingsStore.subscribe, settingsStore.getSnapshot);
  if (!settings.showToolbar) return null;
  const disabled = view === null || view.state.readOnly;

  const run = (command: EditorCommand): void => {
    if (!view) return;
    command.run(view);
    view.focus();
  };

  return (
    <OverflowRow label="Formatting" className="folio-toolbar">
      {groups.map((group) => (
        <div className="folio-toolbar-group" key={group} role="group" aria-label={group}>
          {editorCommands
            .filter((command) => command.group === group && command.label)
            .map((command) => (
              <button
                key={command.id}
                type="button"
                className={`folio-toolbar-button folio-toolbar-${command.id.replace('.', '-')}`}
                aria-label={buttonName(command.title, command.label ?? '')}
                {...shortcutAttributes(command.title, command.key)}
                disabled={disabled}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => run(command)}
              >
                {command.label}
              </button>
            ))}
        </div>
      ))}
    </OverflowRow>
  );
}
