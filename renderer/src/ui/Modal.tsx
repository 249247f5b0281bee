import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { useReturnFocus } from '../accessibility';

/** Props of {@link Modal}. */
export interface ModalProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Extra class for sizing. */
  readonly className?: string;
}

/**
 * A modal dialog on the native `<dialog>` element: focus moves into it and is trapped there,
 * Escape closes it, the page behind is inert, and the focus goes back where it was when it
 * closes. Rendered only while open.
 */
export function Modal({ title, onClose, children, className }: ModalProps): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useReturnFocus();
  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`folio-modal ${className ?? ''}`}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        close.current();
      }}
    >
      <h2 className="folio-modal-title">{title}</h2>
      {children}
    </dialog>
  );
}
