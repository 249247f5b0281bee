export { shortcutAttributes, Toolbar } from './Toolbar';
export { ViewTools, WindowTools } from './ViewTools';
export { OverflowRow } from './OverflowRow';
