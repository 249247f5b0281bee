import { chunkClass } from './block-chunks';

/**
 * Lays out, for a measurement, the preview chunks whose rendering `content-visibility: auto`
 * skips. A skipped chunk keeps the size it is given (`contain-intrinsic-size`: an estimate until
 * it was once shown), while its blocks, when a box is read, are laid out at their real offsets
 * from the chunk's top: past the end of the estimated box, over the chunks after it. Their boxes
 * then name places where other blocks are shown (in the book, a jump to a line about 20,000
 * pixels away scrolled the preview 1,500 source lines too far). A chunk shown once remembers its
 * real size (`contain-intrinsic-size: auto`), so laying it out here also keeps the preview's
 * height true after it is skipped again.
 */
export class SkippedLayout {
  /** The chunks laid out by force, each with the frame count when it was. */
  private readonly forced = new Map<HTMLElement, number>();
  /** Animation frames counted while chunks are laid out by force. */
  private frames = 0;
  private frame: number | null = null;

  /**
   * Whether `element` is laid out where it is shown: false while its chunk's rendering is
   * skipped (its box then says nothing about the place it will have on screen).
   */
  static shown(element: Element): boolean {
    return element.checkVisibility({ contentVisibilityAuto: true });
  }

  /**
   * Makes `element`'s box true: when its chunk's rendering is skipped, the chunk is laid out
   * (`content-visibility: visible`) for two frames, long enough for the browser to remember its
   * real size and, when it is on screen by then, to keep showing it.
   */
  layOut(element: Element): void {
    if (SkippedLayout.shown(element)) return;
    const chunk = element.closest<HTMLElement>(`.${chunkClass}`);
    if (!chunk) return;
    if (!this.forced.has(chunk)) chunk.style.contentVisibility = 'visible';
    this.forced.set(chunk, this.frames);
    this.frame ??= requestAnimationFrame(this.release);
  }

  /** Gives every chunk laid out by force back to the browser now. */
  dispose(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    for (const chunk of this.forced.keys()) chunk.style.removeProperty('content-visibility');
    this.forced.clear();
  }

  /** Each frame: gives back the chunks laid out two frames ago or earlier. */
  private readonly release = (): void => {
    this.frames++;
    for (const [chunk, since] of this.forced) {
      if (this.frames - since < 2) continue;
      chunk.style.removeProperty('content-visibility');
      this.forced.delete(chunk);
    }
    this.frame = this.forced.size > 0 ? requestAnimationFrame(this.release) : null;
  };
}
