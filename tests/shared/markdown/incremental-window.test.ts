import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { randomShapedArticle } from './random-article';
import { randomEdits, seedRange } from './random-edits';

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

/** What may be typed into a heading: letters, and what could end it or change its neighbours. */
const headingSnippets = [
  'x',
  ' ',
  '#',
  '\n',
  '<b>',
  '</p>',
  '[a]',
  '[^1]',
  '`',
  '=',
  '-',
  '\\',
  'Usage',
  '\n\n- ',
];

describe('the window the incremental renderer renders', () => {
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

  it('does not start a window after indented code, which micromark holds open through blank lines', () => {
    // After indented code and a blank line, `2. item` interrupts the code, which an ordered list
    // not starting at 1 cannot: it is a paragraph there, and a list in a window of its own.
    let text = 'Intro.\n\n    code\n\n2. item\n3. item\n\nThe end.\n';
    const renderer = new IncrementalRenderer();
    renderer.reset(text);
    // At the start of its line: the window takes in the unit before the edit.
    const at = text.indexOf('The end');
    const patch = renderer.edit([{ from: at, to: at, insert: 'x' }]);
    text = text.slice(0, at) + 'x' + text.slice(at);
    expect(renderer.html()).toBe(renderMarkdown(text));
    expect(renderer.html()).toContain('>2. item\n3. item</p>');
    expect(patch.full).toBe(false);
  });

  it('does not start a window with indented code after a list, which micromark reads line by line there', () => {
    // After a list whose last item does not take in the indented lines, micromark makes each of
    // them a code block of its own; read alone, they are one.
    for (const list of ['10.  ten\n', '- a\n-\n', '-    wide\n']) {
      let text = `Intro.\n\n${list}\n    code one\n    code two\n\nThe end.\n`;
      const renderer = new IncrementalRenderer();
      renderer.reset(text);
      const at = text.indexOf('code two') + 'code'.length;
      const patch = renderer.edit([{ from: at, to: at, insert: 'x' }]);
      text = text.slice(0, at) + 'x' + text.slice(at);
      expect(renderer.html(), list).toBe(renderMarkdown(text));
      expect(renderer.html(), list).toContain('<code>codex two\n</code></pre>');
      expect(patch.full).toBe(false);
    }
  });

  it('takes in the indented code after a list that an edit removes, which is then one block', () => {
    const prose = 'A paragraph of prose.\n\n'.repeat(6);
    let text = `${prose}10.  ten\n\n    code one\n\n    code two\n\n    code three\n\n${prose}The end.\n`;
    const renderer = new IncrementalRenderer();
    renderer.reset(text);
    expect(renderer.html()).toContain('<code>code one\n</code></pre>');
    const at = text.indexOf('10.');
    const patch = renderer.edit([{ from: at, to: at + 5, insert: '' }]);
    text = text.slice(0, at) + text.slice(at + 5);
    expect(renderer.html()).toBe(renderMarkdown(text));
    expect(renderer.html()).toContain('<code>code one\n\ncode two\n\ncode three\n</code></pre>');
    expect(patch.full).toBe(false);
  });

  it('renders only the paragraph typed in after its first letter, not the long list above it', () => {
    const list = Array.from({ length: 200 }, (_, index) => `- \`api_${index}\` is now stable`).join('\n');
    for (const paragraph of ['These APIs are now stable:', ' Indented by one, and Unicode: été.']) {
      let text = `Intro.\n\n${list}\n\n${paragraph}\n\n- more\n`;
      const renderer = new IncrementalRenderer();
      renderer.reset(text);
      const at = text.indexOf(paragraph) + paragraph.length - 1;
      for (const insert of ['x', '\n', '- ', '\n\n    code']) {
        renderer.edit([{ from: at, to: at, insert }]);
        text = text.slice(0, at) + insert + text.slice(at);
        expect(renderer.html(), JSON.stringify(insert)).toBe(renderMarkdown(text));
        expect(renderer.renderedChars(), JSON.stringify(insert)).toBeLessThan(200);
      }
    }
  });

  it('renders a deletion from the blank lines above the last paragraph to its end', () => {
    // The deleted span starts before the unit it ends in: that unit's start lies past the new end.
    for (const text of ['A\n\n\n\n\nThe last paragraph.\n', 'A\r\n\r\n\r\n\r\nThe end.\r\n']) {
      const renderer = new IncrementalRenderer();
      renderer.reset(text);
      const edit = { from: 2, to: text.length - 1, insert: '' };
      renderer.edit([edit]);
      expect(renderer.html(), JSON.stringify(text)).toBe(renderMarkdown(text.slice(0, 2) + text.slice(-1)));
    }
  });

  it('renders only the block typed in after its first character, not the long table above it', () => {
    // As `property-information` ends its table of 644 rows with `<!--list end-->`.
    const rows = Array.from({ length: 200 }, (_, index) => `| \`prop${index}\` | \`attr${index}\` | html |`);
    const table = `| Property | Attribute | Space |\n| - | - | - |\n${rows.join('\n')}`;
    for (const block of [
      '<!--list end-->',
      '[Link](https://example.com) after it.',
      '> A quote.',
      '`code` first.',
    ]) {
      let text = `Intro.\n\n${table}\n\n${block}\n\n## Security\n`;
      const renderer = new IncrementalRenderer();
      renderer.reset(text);
      const at = text.indexOf(block) + 3;
      for (const insert of ['x', ' ']) {
        renderer.edit([{ from: at, to: at, insert }]);
        text = text.slice(0, at) + insert + text.slice(at);
        expect(renderer.html(), `${block}: ${JSON.stringify(insert)}`).toBe(renderMarkdown(text));
        expect(renderer.renderedChars(), block).toBeLessThan(200);
      }
    }
  });

  it('renders the unit above again when an edit may change how it reads the line after the blank line', () => {
    const list = Array.from({ length: 200 }, (_, index) => `- \`api_${index}\` is now stable`).join('\n');
    const cases: Record<string, [string, string, number]> = {
      // [the line after the list, what is typed, where in that line]
      'a list item going on (indentation)': ['Para.', '  ', 0],
      'a list going on (a marker that starts the line)': ['-Para.', ' ', 1],
      'an ordered list going on': ['2.Para.', ' ', 2],
      'a thematic break that becomes an item': ['* * *', 'x', 5],
    };
    for (const [name, [line, insert, offset]] of Object.entries(cases)) {
      let text = `Intro.\n\n${list}\n\n${line}\n\nThe end.\n`;
      const renderer = new IncrementalRenderer();
      renderer.reset(text);
      const at = text.indexOf(`\n\n${line}\n`) + 2 + offset;
      renderer.edit([{ from: at, to: at, insert }]);
      text = text.slice(0, at) + insert + text.slice(at);
      expect(renderer.html(), name).toBe(renderMarkdown(text));
    }
  });

  it('renders only the heading typed in, not the long list after it', () => {
    const list = Array.from(
      { length: 200 },
      (_, index) => `* Commit ${index} [\`abc${index}\`](https://example.com/${index})`,
    );
    let text = `# Changelog\n\nIntro.\n\n## Version 2\n\n### Commits\n\n${list.join('\n')}\n\n## Version 1\n\nDone.\n`;
    const renderer = new IncrementalRenderer();
    renderer.reset(text);
    const at = text.indexOf('### Commits') + '### Com'.length;
    for (const insert of ['x', 'y', ' z']) {
      const patch = renderer.edit([{ from: at, to: at, insert }]);
      text = text.slice(0, at) + insert + text.slice(at);
      expect(renderer.html()).toBe(renderMarkdown(text));
      expect(patch.rendered).toBe(1);
    }
  });

  it('stays byte-identical to a full render through random edits of headings', () => {
    const edits = randomEdits({
      seeds: seedRange(700, 730),
      steps: 30,
      article: (random) =>
        randomShapedArticle(random, 12).replace(/\n\n(?=[A-Z])/g, () =>
          random() < 0.3 ? '\n\n## Usage\n\n' : '\n\n',
        ),
      edit: (random, text) => {
        const headings = [...text.matchAll(/^#{1,6} .*$/gm)];
        const heading = headings[Math.floor(random() * headings.length)];
        const at = heading ? heading.index + Math.floor(random() * (heading[0].length + 1)) : 0;
        return random() < 0.3 && at > 0
          ? { from: at - 1, to: at, insert: '' }
          : { from: at, to: at, insert: headingSnippets[Math.floor(random() * headingSnippets.length)]! };
      },
    });
    expect(edits).toBe(900);
  }, 900_000);
});
