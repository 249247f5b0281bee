import { benchBook, benchBookVariable, describeBook } from './bench-book';
import { exportBench } from './export.bench';
import { frontmatterBench } from './frontmatter.bench';
import { gitBench } from './git.bench';
import { keystrokesBench } from './keystrokes.bench';
import { editorBench } from './editor.bench';
import { previewDomBench } from './preview-dom.bench';
import { libraryBench } from './library.bench';
import { libraryPaneBench } from './library-pane.bench';
import { listCommandBench } from './list-command.bench';
import { renderBench } from './render.bench';
import { reviewBench } from './review.bench';

/**
 * `npm run bench`: prints figures and ratios against a peer measured in the same run. Never
 * used by tests: timings on small, noisy machines are compared as ratios, not thresholds.
 */
const suites: Record<string, () => void | Promise<void>> = {
  render: renderBench,
  keystrokes: keystrokesBench,
  export: exportBench,
  frontmatter: frontmatterBench,
  editor: editorBench,
  review: reviewBench,
  'preview-dom': previewDomBench,
  library: libraryBench,
  'library-pane': libraryPaneBench,
  'list-command': listCommandBench,
  git: gitBench,
};

const only = process.argv.slice(2);
// A book named for the benches is checked before any suite runs, not after minutes of others.
if (process.env[benchBookVariable]) {
  try {
    console.log(describeBook(benchBook()));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
for (const [name, run] of Object.entries(suites)) {
  if (only.length === 0 || only.includes(name)) await run();
}
