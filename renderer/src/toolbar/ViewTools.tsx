import { useSyncExternalStore, type ReactElement } from 'react';
import type { EditorView } from '@codemirror/view';
import type { EditorSession } from '../editor/editor-session';
import { windowCommands } from '../palette/app-commands';
import { settingsStore } from '../settings/settings-store';
import { viewState } from '../settings/view-state';
import { shortcutAttributes } from './Toolbar';

/** Props of {@link ViewTools} and {@link WindowTools}. */
export interface ViewToolsProps {
  readonly session: EditorSession;
}

interface CommandButtonProps {
  /** A window command's id (`palette/app-commands.ts`). */
  readonly id: string;
  /** The text on the button; the command's title is its accessible name. */
  readonly text: string;
  readonly pressed?: boolean;
  readonly view: EditorView | null;
  /** Keep the focus where it is (in the editor) when clicked. */
  readonly keepFocus?: boolean;
}

/** A button that runs one window command, with its title, shortcut and on/off state. */
function CommandButton({ id, text, pressed, view, keepFocus }: CommandButtonProps): ReactElement {
  const command = windowCommands.find((candidate) => candidate.id === id);
  if (!command) throw new Error(`No window command ${id}`);
  return (
    <button
      type="button"
      aria-label={command.title}
      aria-pressed={pressed}
      {...shortcutAttributes(command.title, command.key)}
      onMouseDown={keepFocus ? (event) => event.preventDefault() : undefined}
      onClick={() => command.run(view)}
    >
      {text}
    </button>
  );
}

/**
 * The view toggles of the writing space, in the workspace bar: outline, focus, typewriter and
 * full screen, each pressed while on.
 */
export function ViewTools({ session }: ViewToolsProps): ReactElement {
  const { view } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const settings = useSyncExternalStore(settingsStore.subscribe, settingsStore.getSnapshot);
  const { distractionFree } = useSyncExternalStore(viewState.subscribe, viewState.getSnapshot);
  return (
    <div className="folio-bar-group" role="group" aria-label="View">
      <CommandButton id="view.outline" text="Outline" pressed={settings.showOutline} view={view} keepFocus />
      <CommandButton id="view.focus" text="Focus" pressed={settings.focusMode} view={view} keepFocus />
      <CommandButton
        id="view.typewriter"
        text="Typewriter"
        pressed={settings.typewriterMode}
        view={view}
        keepFocus
      />
      <CommandButton
        id="view.distractionFree"
        text="Full screen"
        pressed={distractionFree}
        view={view}
        keepFocus
      />
    </div>
  );
}

/** Settings and the command palette, at the end of the workspace bar. */
export function WindowTools({ session }: ViewToolsProps): ReactElement {
  const { view } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return (
    <div className="folio-bar-group" role="group" aria-label="Window">
      <CommandButton id="view.settings" text="⚙" view={view} />
      <CommandButton id="view.palette" text="⌘…" view={view} />
    </div>
  );
}
