// The bench's real documents, so that tests and the bench check the same material.
export { paragraphLinesNear, realBook, realDocuments, type RealDocument } from '../../bench/real-documents';
