import { Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The application menu with the usual roles and shortcuts (Edit, View, Window, Help).
 * `fileItems` go at the top of the File menu (e.g. the library's Open items), `helpItems` into
 * the Help menu (e.g. "Check for Updates…").
 */
export function buildMenu(
  isMac: boolean,
  fileItems: readonly MenuItemConstructorOptions[] = [],
  helpItems: readonly MenuItemConstructorOptions[] = [],
): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [...fileItems, isMac ? { role: 'close' as const } : { role: 'quit' as const }],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    ...(helpItems.length > 0 ? [{ role: 'help' as const, submenu: [...helpItems] }] : []),
  ];
  return Menu.buildFromTemplate(template);
}
