/**
 * One line of a text progress bar, e.g. `[########------------]  40%  4/10  notes/a.md`.
 * `width` is the number of cells inside the brackets; the label is cut to fit 100 columns.
 */
export function formatProgressBar(done: number, total: number, label = '', width = 24): string {
  const ratio = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  const filled = Math.round(ratio * width);
  const percent = `${Math.round(ratio * 100)}%`.padStart(4);
  const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}  ${done}/${total}`;
  const room = 100 - line.length - 2;
  const cut = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
  return cut ? `${line}  ${cut}` : line;
}

/** Draws a progress bar on a terminal stream, redrawing one line; silent when not a terminal. */
export function createProgressReporter(stream: NodeJS.WriteStream): {
  update(done: number, total: number, label?: string): void;
  finish(): void;
} {
  let drawn = false;
  return {
    update(done, total, label) {
      if (!stream.isTTY) return;
      stream.write(`\r\u001b[2K${formatProgressBar(done, total, label)}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\u001b[2K');
      drawn = false;
    },
  };
}
