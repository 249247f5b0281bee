import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';

/** Release notes as Rust's are written: each version's links defined in one run, no blank line between. */
function releaseNotes(versions: number, links: number): string {
  let text = '';
  for (let version = versions; version > 0; version--) {
    text += `Version 1.${version}.0\n==============\n\nLanguage\n--------\n\n`;
    for (let link = 0; link < links; link++) text += `- Change ${link} [${version}-${link}].\n`;
    text += '\n';
    for (let link = 0; link < links; link++)
      text += `[${version}-${link}]: https://example.com/${version}/${link}\n`;
    text += '\n';
  }
  return text;
}

describe('where the incremental renderer starts a window', () => {
  it('starts a window after the run of definitions above it, not halfway up the article', () => {
    let text = releaseNotes(12, 60);
    const renderer = new IncrementalRenderer();
    renderer.reset(text);
    const heading = text.indexOf('Version 1.2.0\n') + 'Version'.length;
    for (let step = 0; step < 3; step++) {
      const at = heading + step;
      const patch = renderer.edit([{ from: at, to: at, insert: 'x' }]);
      text = text.slice(0, at) + 'x' + text.slice(at);
      expect(renderer.html()).toBe(renderMarkdown(text));
      expect(patch.full).toBe(false);
      // The heading's window reaches back at most over the definitions of the version above.
      expect(patch.rendered).toBeLessThanOrEqual(70);
    }
  });
});
