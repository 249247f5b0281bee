import { useRef, type ReactElement } from 'react';

/** Props of {@link Splitter}. */
export interface SplitterProps {
  /** Accessible name, e.g. "Resize editor and preview". */
  readonly label: string;
  /** Current share of the pane before the splitter, 0–1. */
  readonly ratio: number;
  readonly min: number;
  readonly max: number;
  /** Called while dragging and on arrow keys with the new share. */
  readonly onChange: (ratio: number) => void;
}

/**
 * A vertical splitter between two panes, draggable with the pointer and movable with the arrow
 * keys (Home/End for the limits), exposed as an ARIA window splitter.
 */
export function Splitter({ label, ratio, min, max, onChange }: SplitterProps): ReactElement {
  const handle = useRef<HTMLDivElement>(null);
  const clamp = (value: number): number => Math.min(max, Math.max(min, value));
  return (
    <div
      ref={handle}
      className="review-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      aria-valuenow={Math.round(ratio * 100)}
      tabIndex={0}
      onPointerDown={(event) => {
        const parent = handle.current?.parentElement;
        if (!parent) return;
        event.preventDefault();
        handle.current!.setPointerCapture(event.pointerId);
        const box = parent.getBoundingClientRect();
        const move = (moved: PointerEvent): void => onChange(clamp((moved.clientX - box.left) / box.width));
        const up = (): void => {
          handle.current?.removeEventListener('pointermove', move);
          handle.current?.removeEventListener('pointerup', up);
        };
        handle.current!.addEventListener('pointermove', move);
        handle.current!.addEventListener('pointerup', up);
      }}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 0.1 : 0.02;
        if (event.key === 'ArrowLeft') onChange(clamp(ratio - step));
        else if (event.key === 'ArrowRight') onChange(clamp(ratio + step));
        else if (event.key === 'Home') onChange(min);
        else if (event.key === 'End') onChange(max);
        else return;
        event.preventDefault();
      }}
    />
  );
}
