import { EditorSelection, type StateCommand } from '@codemirror/state';
import type { Command, EditorView, KeyBinding } from '@codemirror/view';
import { openSearchPanel } from '@codemirror/search';
import {
  setHeading,
  setParagraph,
  toggleBulletList,
  toggleOrderedList,
  toggleQuote,
  toggleTaskList,
} from './block-formatting';
import { toggleBold, toggleInlineCode, toggleItalic, toggleStrikethrough } from './inline-formatting';
import { insertCodeBlock, insertHorizontalRule, insertTable } from './insert-blocks';
import { insertLink, isLinkUrl } from './link-command';
import { isApplePlatform } from '../ui/platform';

/** Where a command belongs in the toolbar and the palette. */
export type CommandGroup = 'Format' | 'Paragraph' | 'Insert' | 'Edit' | 'View' | 'Library';

/** One editing command, as the toolbar, the palette and the keymap see it. */
export interface EditorCommand {
  /** Stable id, e.g. `format.bold`. */
  readonly id: string;
  /** What the palette and tooltips call it. */
  readonly title: string;
  readonly group: CommandGroup;
  /** CodeMirror key name (`Mod-b`), or none. */
  readonly key?: string;
  /** Short label for a toolbar button; commands without one are palette-only. */
  readonly label?: string;
  readonly run: Command;
}

/** Lifts a `StateCommand` to a view `Command` that keeps the editor focused. */
function onView(command: StateCommand): Command {
  return (view) => command({ state: view.state, dispatch: view.dispatch });
}

/**
 * Inserts a link at once, with its target left empty, then fills the target in from the
 * clipboard when that holds a URL. The clipboard is read asynchronously (and may be refused):
 * the URL is only added if nothing happened in the editor meanwhile, so typing straight after
 * the shortcut is never mixed up with it.
 */
export const insertLinkFromClipboard: Command = (view: EditorView) => {
  if (view.state.readOnly) return false;
  insertLink(null)({ state: view.state, dispatch: view.dispatch });
  const linked = view.state;
  const read = navigator.clipboard?.readText?.bind(navigator.clipboard);
  if (!read) return true;
  read().then(
    (url) => {
      if (view.state !== linked || !isLinkUrl(url)) return;
      const target = url.trim();
      view.dispatch(
        linked.changeByRange((range) => {
          const around = linked.sliceDoc(range.from - 1, range.from + 3);
          if (range.empty && around.startsWith('()')) {
            // `[text](|)` → `[text](url)|`
            return {
              changes: { from: range.from, insert: target },
              range: EditorSelection.cursor(range.from + target.length + 1),
            };
          }
          if (range.empty && around === '[]()') {
            // `[|]()` → `[|](url)`
            return { changes: { from: range.from + 2, insert: target }, range };
          }
          return { range };
        }),
        { userEvent: 'input.format' },
      );
    },
    () => {},
  );
  return true;
};

const headingCommands: EditorCommand[] = [1, 2, 3, 4, 5, 6].map((level) => ({
  id: `paragraph.heading${level}`,
  title: `Heading ${level}`,
  group: 'Paragraph',
  key: `Mod-Shift-${level}`,
  label: level <= 3 ? `H${level}` : undefined,
  run: onView(setHeading(level)),
}));

/** Every Markdown editing command, in toolbar order. */
export const editorCommands: readonly EditorCommand[] = [
  { id: 'format.bold', title: 'Bold', group: 'Format', key: 'Mod-b', label: 'B', run: onView(toggleBold) },
  {
    id: 'format.italic',
    title: 'Italic',
    group: 'Format',
    key: 'Mod-i',
    label: 'I',
    run: onView(toggleItalic),
  },
  {
    id: 'format.strikethrough',
    title: 'Strikethrough',
    group: 'Format',
    key: 'Mod-Shift-x',
    label: 'S',
    run: onView(toggleStrikethrough),
  },
  {
    id: 'format.code',
    title: 'Inline code',
    group: 'Format',
    key: 'Mod-e',
    label: '`',
    run: onView(toggleInlineCode),
  },
  {
    id: 'format.link',
    title: 'Link',
    group: 'Format',
    key: 'Mod-k',
    label: 'Link',
    run: insertLinkFromClipboard,
  },
  ...headingCommands,
  {
    id: 'paragraph.paragraph',
    title: 'Paragraph',
    group: 'Paragraph',
    key: 'Mod-Shift-0',
    label: '¶',
    run: onView(setParagraph),
  },
  {
    id: 'paragraph.bulletList',
    title: 'Bullet list',
    group: 'Paragraph',
    key: 'Mod-Shift-8',
    label: '•',
    run: onView(toggleBulletList),
  },
  {
    id: 'paragraph.numberedList',
    title: 'Numbered list',
    group: 'Paragraph',
    key: 'Mod-Shift-7',
    label: '1.',
    run: onView(toggleOrderedList),
  },
  {
    id: 'paragraph.taskList',
    title: 'Task list',
    group: 'Paragraph',
    key: 'Mod-Shift-9',
    label: '☐',
    run: onView(toggleTaskList),
  },
  {
    id: 'paragraph.quote',
    title: 'Quote',
    group: 'Paragraph',
    key: 'Mod-Alt-q',
    label: '“',
    run: onView(toggleQuote),
  },
  {
    id: 'insert.codeBlock',
    title: 'Code block',
    group: 'Insert',
    key: 'Mod-Alt-c',
    label: '{ }',
    run: onView(insertCodeBlock),
  },
  {
    id: 'insert.horizontalRule',
    title: 'Horizontal rule',
    group: 'Insert',
    key: 'Mod-Alt-l',
    label: '—',
    run: onView(insertHorizontalRule),
  },
  {
    id: 'insert.table',
    title: 'Table',
    group: 'Insert',
    key: 'Mod-Alt-t',
    label: '▦',
    run: onView(insertTable),
  },
  { id: 'edit.find', title: 'Find and replace', group: 'Edit', key: 'Mod-f', run: openSearchPanel },
];

/** The formatting shortcuts as a keymap (exported data, like CodeMirror's own keymaps). */
export const formattingKeymap: readonly KeyBinding[] = editorCommands
  .filter((command) => command.key !== undefined && command.id !== 'edit.find')
  .map((command) => ({ key: command.key, run: command.run, preventDefault: true }));

/** Shows a CodeMirror key name for people: `Mod-Shift-p` → `Ctrl+Shift+P` (or `⌘⇧P` on a Mac). */
export function describeKey(key: string, apple = isApplePlatform()): string {
  const parts = key.split('-');
  const last = parts.pop()!;
  const names: Record<string, [string, string]> = {
    Mod: ['Ctrl', '⌘'],
    Ctrl: ['Ctrl', '⌃'],
    Alt: ['Alt', '⌥'],
    Shift: ['Shift', '⇧'],
    Meta: ['Meta', '⌘'],
  };
  const mods = parts.map((part) => names[part]?.[apple ? 1 : 0] ?? part);
  const keyName = last.length === 1 ? last.toUpperCase() : last;
  return apple ? [...mods, keyName].join('') : [...mods, keyName].join('+');
}
