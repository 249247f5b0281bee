import type { ReactElement } from 'react';
import { Modal } from './Modal';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  readonly title: string;
  readonly text: string;
  readonly confirm: string;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/** Asks a yes/no question (e.g. deleting an article with unsaved changes). */
export function ConfirmDialog({
  title,
  text,
  confirm,
  onConfirm,
  onClose,
}: ConfirmDialogProps): ReactElement {
  return (
    <Modal title={title} onClose={onClose}>
      <p>{text}</p>
      <div className="folio-form-actions">
        <button type="button" className="folio-button" autoFocus onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="folio-button folio-button-primary" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Modal>
  );
}
