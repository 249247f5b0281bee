export { ExportBar, exportShortcut, type ExportBarProps } from './ExportBar';
