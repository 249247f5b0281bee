export { CommandPalette } from './CommandPalette';
export { paletteCommands, type PaletteCommand } from './app-commands';
