export { OutlinePanel } from './OutlinePanel';
export { revealLineEvent, type RevealLineDetail } from './reveal-event';
