import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';

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
 * Escape closes it, and the page behind is inert. Rendered only while open.
 */
export function Modal({ title, onClose, children, className }: ModalProps): ReactElement {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => {
      dialog.close();
      opener?.focus?.();
    };
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
