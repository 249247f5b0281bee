export { CompareView, type CompareRequest, type CompareSide } from './CompareView';
export { criticHighlighting, suggestMode } from './critic-editor';
export { diskMergeWording, MergeDialog, type MergeDialogProps, type MergeWording } from './MergeDialog';
export { ReviewWorkspace, type ReviewWorkspaceProps } from './ReviewWorkspace';
export { useReview, type MergeRequest, type ReviewController, type ReviewOptions } from './useReview';
