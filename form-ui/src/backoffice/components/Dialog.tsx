import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal <dialog>: the browser keeps focus inside and closes it on Escape. When it closes, focus goes back to
 * the element that opened it.
 */
export function Dialog({
  open,
  onClose,
  title,
  titleId,
  children,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  titleId: string;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      // Focus what the dialog marks (`data-autofocus`), else its title, so a screen reader starts at the top.
      const target = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('.dialog__title');
      target?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog${className === undefined ? '' : ` ${className}`}`}
      aria-labelledby={titleId}
      onClose={() => {
        onClose();
        const back = opener.current;
        opener.current = null;
        if (back instanceof HTMLElement && back.isConnected) back.focus();
      }}
    >
      {open ? (
        <>
          <h2 className="dialog__title" id={titleId} tabIndex={-1}>
            {title}
          </h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
