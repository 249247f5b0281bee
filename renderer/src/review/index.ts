export { CompareView, type CompareRequest, type CompareSide } from './CompareView';
export { criticHighlighting, suggestMode } from './critic-editor';
export { MergeDialog, type MergeDialogProps } from './MergeDialog';
export { ReviewWorkspace, type ReviewWorkspaceProps } from './ReviewWorkspace';
export { useReview, type MergeRequest, type ReviewController, type ReviewOptions } from './useReview';
