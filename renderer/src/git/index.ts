export { CloneLibraryDialog, type CloneLibraryDialogProps } from './CloneLibraryDialog';
export { GitBar, syncKey, type GitBarProps } from './GitBar';
export { GitChangeMark } from './GitChangeMark';
export { GitCommitList, type GitCommitListProps } from './GitCommitList';
export { changesByPath } from './git-changes';
export { onCloneLibraryRequest, requestCloneLibrary, requestSync } from './sync-request';
export { useGitStatus, type GitStatusState } from './useGitStatus';
