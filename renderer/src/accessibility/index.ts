export { announce, onAnnouncement, type Announcement, type Politeness } from './announcer';
export { LiveRegion } from './LiveRegion';
export { useReturnFocus } from './useReturnFocus';
