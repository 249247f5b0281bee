import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../shared/markdown';
import { IncrementalRenderer } from '../../../shared/markdown/incremental';
import { FoldedRenderer } from '../../helpers/folded-preview';
import { seededRandom } from './random-article';

/** A changelog's list: `count` items written by `item`, one per line (tight). */
function changelog(count: number, item: (index: number) => string): string {
  return Array.from({ length: count }, (_, index) => item(index)).join('\n');
}

const plainItem = (index: number): string =>
  `- Fixed bug ${index} in the [parser][ref] when \`code\` meets *emphasis* (#${1000 + index}).`;

/** An article around a long list (`list`), with a link definition and a note after it. */
function articleWith(list: string, before = '# Changes\n\nWhat changed.\n\n'): string {
  return `${before}${list}\n\nThe end.\n\n[ref]: https://example.com/ref\n\n[^a]: A note.\n`;
}

/** Types `insert` at `at` (replacing `remove` characters) and checks the result against a whole render. */
function typeAt(
  renderer: FoldedRenderer,
  text: string,
  at: number,
  insert: string,
  remove = 0,
): { text: string; chars: number; full: boolean } {
  const next = text.slice(0, at) + insert + text.slice(at + remove);
  const patch = renderer.edit([{ from: at, to: at + remove, insert }]);
  const mismatch = renderer.mismatch(renderMarkdown(next));
  if (mismatch) expect.fail(`${JSON.stringify(insert)} at ${at}: ${mismatch}`);
  const chars = (renderer.renderer as IncrementalRenderer).renderedChars();
  return { text: next, chars, full: patch.full };
}

function renderer(text: string): FoldedRenderer {
  const renderer = new FoldedRenderer(new IncrementalRenderer());
  renderer.reset(text);
  return renderer;
}

/**
 * Types `letters` one by one from `at` into `text`, checking each against a whole render, and
 * expects each keystroke to render more than nothing and fewer than 200 characters.
 */
function expectSmallRenders(text: string, at: number, letters: string): void {
  const folded = renderer(text);
  for (const [step, letter] of [...letters].entries()) {
    const typed = typeAt(folded, text, at + step, letter);
    text = typed.text;
    expect(typed.full).toBe(false);
    expect(typed.chars, `keystroke ${step}`).toBeGreaterThan(0);
    expect(typed.chars, `keystroke ${step}`).toBeLessThan(200);
  }
}

describe('typing in an item of a long list', () => {
  it('renders only that item, not the list', () => {
    const list = changelog(120, plainItem);
    const text = articleWith(list);
    // One item is about 80 characters; the list is over 8,000.
    expectSmallRenders(text, text.indexOf('bug 60 in') + 'bug 60'.length, 'fixes');
    expect(list.length).toBeGreaterThan(8000);
  });

  it('sends the preview only the typed item, to put in place of the one it shows', () => {
    let text = articleWith(changelog(120, plainItem));
    const folded = renderer(text);
    const at = text.indexOf('bug 60 in') + 'bug 60'.length;
    for (const letter of 'ab') {
      const shown = folded.preview.keys();
      const patch = folded.edit([{ from: at, to: at, insert: letter }]);
      text = text.slice(0, at) + letter + text.slice(at);
      expect(folded.mismatch(renderMarkdown(text))).toBeNull();
      expect(patch.blocks).toHaveLength(1);
      const item = patch.blocks[0]!.item!;
      expect(item.of).toBe(shown[patch.start]);
      expect(item.index).toBe(60);
      expect(item.html).toMatch(/^<li>Fixed bug 60b?a in[^]*<\/li>$/);
      // Not the list's 10,000 characters: the preview has them.
      expect(patch.blocks[0]!.html).toBe('');
      expect([item.images, item.h1]).toEqual([false, false]);
    }
  });

  it('tells the preview whether the list holds an image or an H1, which its HTML no longer shows', () => {
    const withImage = changelog(120, (index) =>
      index === 5 ? '- A logo: ![logo](logo.png)' : plainItem(index),
    );
    const withHeading = changelog(120, (index) =>
      index === 7 ? '- # A heading in an item' : plainItem(index),
    );
    for (const [list, images, h1] of [
      [withImage, true, false],
      [withHeading, false, true],
    ] as const) {
      const text = articleWith(list);
      const folded = renderer(text);
      const at = text.indexOf('bug 60 in') + 'bug 60'.length;
      const patch = folded.edit([{ from: at, to: at, insert: 'x' }]);
      expect(folded.mismatch(renderMarkdown(text.slice(0, at) + 'x' + text.slice(at)))).toBeNull();
      const item = patch.blocks[0]!.item!;
      expect([item.images, item.h1]).toEqual([images, h1]);
    }
  });

  it('renders only that item in loose, ordered, nested and task lists', () => {
    const lists: Record<string, string> = {
      loose: changelog(60, (index) => `- Item ${index} with a paragraph of text.\n`),
      ordered: changelog(60, (index) => `${index + 1}. Step ${index}, with a [link][ref] in it.`),
      nested: changelog(
        40,
        (index) => `* Item ${index} of the list\n  - a nested point ${index}\n  - another one`,
      ),
      tasks: changelog(60, (index) => `- [${index % 2 ? 'x' : ' '}] Task ${index} to do, soon enough.`),
      spread: changelog(40, (index) => `- Item ${index}\n\n  continued in a second paragraph.`),
    };
    for (const [name, list] of Object.entries(lists)) {
      let text = articleWith(list);
      const folded = renderer(text);
      const at = text.indexOf(' 30') + 3;
      for (const [step, letter] of [...'abc'].entries()) {
        const typed = typeAt(folded, text, at + step, letter);
        text = typed.text;
        expect(typed.chars, `${name}, keystroke ${step}`).toBeLessThan(200);
      }
    }
  });

  it('renders only that item when the raw HTML of each item stays inside it', () => {
    // As `type-fest` documents its types: each item holds a `<details>` with a code example.
    const list = changelog(
      30,
      (index) =>
        `- [\`Type${index}\`](https://example.com/${index}) - Press <kbd>Ctrl</kbd> to see it.\n` +
        `\t<details>\n\t<summary>\n\t\t\tExample ${index}\n\t</summary>\n\n` +
        `\t\`\`\`ts\n\tconst value${index}: Type${index} = {\n\t\tname: 'Andrew',\n\t};\n\t\`\`\`\n\t</details>`,
    );
    let text = articleWith(list);
    const folded = renderer(text);
    for (const spot of ["name: 'And", 'Example 15', 'Press <kbd>Ct', 'Type15`]']) {
      const at = text.indexOf(spot, text.indexOf('Type15')) + spot.length;
      for (const [step, letter] of [...'ab'].entries()) {
        const typed = typeAt(folded, text, at + step, letter);
        text = typed.text;
        expect(typed.full).toBe(false);
        expect(typed.chars, `${spot}, keystroke ${step}`).toBeLessThan(400);
      }
    }
    expect(list.length).toBeGreaterThan(5000);
  });

  it('renders the list again when an edit changes what the list is', () => {
    // Each edit, typed at the given spot of the 30th item, changes the list around the item (or
    // the blocks next to it): rendering the item alone would give the wrong HTML.
    const long = (index: number): string => `Item ${index} here, with words enough to make the list long`;
    const cases: {
      name: string;
      list: string;
      spot: string;
      at?: number;
      insert: string;
      remove?: number;
    }[] = [
      // A blank line inside an item makes a tight list loose.
      { name: 'item becomes loose', list: changelog(40, plainItem), spot: 'bug 30 in', insert: '\n\n  more' },
      // A line break at the end of an item, then a blank line: loose too.
      { name: 'blank line between items', list: changelog(40, plainItem), spot: '(#1030).', insert: '\n' },
      // The only blank line of a loose list goes: the list becomes tight.
      {
        name: 'list becomes tight',
        list: changelog(40, (index) =>
          index === 30 ? `- ${long(30)}\n\n  second paragraph` : `- ${long(index)}`,
        ),
        spot: 'long\n\n',
        at: 'long\n'.length,
        insert: '',
        remove: 1,
      },
      // Another bullet character starts another list.
      {
        name: 'marker',
        list: changelog(40, plainItem),
        spot: '- Fixed bug 30',
        at: 0,
        insert: '*',
        remove: 1,
      },
      // A list of one long item whose bullet becomes the list's before it joins that list.
      {
        name: 'marker joins the list before',
        list: `* One\n* Two\n\n- ${changelog(30, long).replace(/\n/g, ' ')}`,
        spot: '- Item 0',
        at: 0,
        insert: '*',
        remove: 1,
      },
      // The first item's number is the list's start.
      {
        name: 'start number',
        list: changelog(40, (index) => `${index + 1}. ${long(index)}`),
        spot: '1. Item 0',
        at: 0,
        insert: '3',
        remove: 1,
      },
      // A new item starts inside the item.
      { name: 'new item', list: changelog(40, plainItem), spot: 'bug 30 in', insert: '\n- ' },
      // Less indentation after the marker takes the next item in as a nested list.
      {
        name: 'indentation',
        list: changelog(40, (index) =>
          index === 30 ? `-   ${long(30)}` : `${index === 31 ? '  ' : ''}- ${long(index)}`,
        ),
        spot: '-   Item 30',
        at: 1,
        insert: '',
        remove: 2,
      },
      // A paragraph left at the end of the last item takes the line after the list in.
      {
        name: 'lazy continuation',
        list: `${changelog(40, plainItem)}\n- ***\nRight after the list.`,
        spot: '- ***',
        at: 2,
        insert: 'a',
      },
      // Raw HTML left open in an item is opened again in every item after it.
      { name: 'raw HTML', list: changelog(40, plainItem), spot: 'bug 30 in', insert: '<b>' },
      // An end tag in an item closes its list for the HTML parser, and the items after it move out.
      { name: 'end tag', list: changelog(40, plainItem), spot: 'bug 30 in', insert: '</ul>' },
      // A start tag of `li` closes the item around it, even with its end tag.
      { name: 'li tag', list: changelog(40, plainItem), spot: 'bug 30 in', insert: '<li>x</li>' },
      // A comment left open takes in the items after it.
      { name: 'comment', list: changelog(40, plainItem), spot: 'bug 30 in', insert: '\n  <!--' },
      // Raw HTML left open in an item that held some, closed, before: `<b>` is opened again in
      // every item after it (a `<kbd>` would be closed by the item's end).
      {
        name: 'raw HTML in an item with some',
        list: changelog(40, (index) => `${plainItem(index)} <b>K</b>`),
        spot: 'K</b>',
        at: 1,
        insert: '',
        remove: '</b>'.length,
      },
      // A citation numbers the notes.
      { name: 'footnote reference', list: changelog(40, plainItem), spot: 'bug 30 in', insert: '[^a]' },
      // A heading takes an id.
      { name: 'heading', list: changelog(40, plainItem), spot: 'Fixed bug 30', at: 0, insert: '# ' },
      // A definition defines a label for the whole article.
      {
        name: 'definition',
        list: changelog(40, plainItem),
        spot: 'Fixed bug 30',
        at: 0,
        insert: '[ref]: /other\n  ',
      },
      // A task item gives the list its class.
      { name: 'task item', list: changelog(40, plainItem), spot: 'Fixed bug 30', at: 0, insert: '[ ] ' },
      // An item left empty cannot interrupt the paragraph before the list: it underlines it.
      {
        name: 'first item',
        list: changelog(40, (index) => `- ${long(index)}`),
        spot: 'Item 0 here',
        at: 0,
        insert: '',
        remove: long(0).length,
      },
    ];
    for (const { name, list, spot, at = spot.length, insert, remove = 0 } of cases) {
      const before = name === 'first item' ? '# Changes\n\nA paragraph\n' : undefined;
      const text = articleWith(list, before);
      expect(list.length, name).toBeGreaterThan(1000);
      expect(text.indexOf(spot), name).toBeGreaterThanOrEqual(0);
      const typed = typeAt(renderer(text), text, text.indexOf(spot) + at, insert, remove);
      expect(typed.chars, `${name}: the list was rendered again`).toBeGreaterThan(1000);
    }
  });
});

/** Long lists of several kinds, with notes, links and nesting, for random edits. */
function listArticle(random: () => number): string {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const words = [
    'fix',
    'it',
    'now',
    'the',
    'parser',
    'when',
    '*emphasis*',
    '`code`',
    '[link][ref]',
    '<kbd>K</kbd>',
    'meets',
    '~~old~~',
  ];
  const line = (): string =>
    Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick(words)).join(' ');
  const lists = Array.from({ length: 3 }, () => {
    const kind = pick(['-', '*', '1.', '2)', '- [ ]']);
    const loose = random() < 0.3;
    const count = 14 + Math.floor(random() * 10);
    return Array.from({ length: count }, (_, index) => {
      const marker = kind.endsWith('.') || kind.endsWith(')') ? `${index + 1}${kind.slice(-1)}` : kind;
      let item = `${marker} ${line()}${random() < 0.05 ? ' [^a]' : ''}`;
      const width = marker.length + 1;
      if (random() < 0.2) item += `\n${' '.repeat(width)}- ${line()}\n${' '.repeat(width)}- ${line()}`;
      if (random() < 0.1) item += `\n${line()}`;
      if (random() < 0.1) item += `\n\n${' '.repeat(width)}${line()}`;
      if (random() < 0.15) {
        const pad = ' '.repeat(width);
        item += `\n${pad}<details>\n${pad}<summary>More <b>here</b></summary>\n\n${pad}${line()}\n${pad}</details>`;
      }
      return loose ? `${item}\n` : item;
    }).join('\n');
  });
  return [
    '# Release notes',
    lists[0],
    '## Next',
    lists[1],
    'Between the lists.',
    lists[2],
    '[ref]: https://example.com/ref',
    '[^a]: The note.',
  ].join('\n\n');
}

const listPieces = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '- ',
  '  - ',
  '1. ',
  '* ',
  '[ ] ',
  '[x]',
  '```',
  '    ',
  '> ',
  '# ',
  '[ref]',
  '[^a]',
  '<b>',
  '</details>',
  '<kbd>K</kbd>',
  '***',
  '---',
  '\\',
  '`',
  '*',
];

/**
 * Replaces `remove` characters at `at` with `insert`, checks the renderer and the preview folded
 * from its patches against a whole render, and tells whether the edit rendered little (an item,
 * not its list).
 */
function editAndCheck(
  folded: FoldedRenderer,
  text: string,
  { at, remove, insert }: { at: number; remove: number; insert: string },
  label: string,
): { text: string; alone: boolean } {
  folded.edit([{ from: at, to: Math.min(text.length, at + remove), insert }]);
  const next = text.slice(0, at) + insert + text.slice(at + remove);
  const mismatch = folded.mismatch(renderMarkdown(next));
  if (mismatch) expect.fail(`${label} (${JSON.stringify(insert)} at ${at}, -${remove}): ${mismatch}`);
  return { text: next, alone: (folded.renderer as IncrementalRenderer).renderedChars() < 400 };
}

describe('random edits in long lists', () => {
  it('stay byte-identical to a whole render, in the renderer and in the preview folded from its patches', () => {
    let alone = 0;
    let edits = 0;
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]) {
      const random = seededRandom(seed);
      let text = listArticle(random);
      const folded = renderer(text);
      for (let step = 0; step < 30; step++) {
        // Mostly inside list items, where an author types in a changelog.
        const lines = [...text.matchAll(/^ *(?:[-*]|\d+[.)]) .*$/gm)];
        const line = lines[Math.floor(random() * lines.length)]!;
        const at = line.index + Math.floor(random() * (line[0].length + 1));
        const remove = random() < 0.25 ? 1 + Math.floor(random() * 6) : 0;
        const insert =
          remove > 0 && random() < 0.5 ? '' : listPieces[Math.floor(random() * listPieces.length)]!;
        const edited = editAndCheck(folded, text, { at, remove, insert }, `seed ${seed}, edit ${step}`);
        text = edited.text;
        edits++;
        if (edited.alone) alone++;
      }
    }
    // Many edits keep the list as it was: the item alone was rendered. (A tag typed into an item
    // and left open renders its list whole until it is closed.)
    expect(alone / edits).toBeGreaterThan(0.25);
  }, 300_000);
});

/** Entries of a nested list: `count` of them, indented by `indent`, each a line or two. */
function nestedEntries(random: () => number, count: number, indent: string, marker: string): string {
  return Array.from({ length: count }, (_, index) => {
    const mark = /\d/.test(marker) ? `${Number.parseInt(marker, 10) + index}${marker.slice(-1)}` : marker;
    const more = random() < 0.3 ? `\n${indent}${' '.repeat(mark.length + 1)}and [the rest][ref] of it` : '';
    return `${indent}${mark} Entry ${index}: \`std::io\` was *rewritten*${more}`;
  }).join(random() < 0.2 ? '\n\n' : '\n');
}

/** A changelog whose items name a part and end with that part's long list of entries. */
function sectionsArticle(random: () => number): string {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const sections = ['Language', 'Libraries', 'Tooling', 'Misc', 'Compatibility notes'];
  const kind = pick(['*', '-', '1.']);
  const loose = random() < 0.3;
  const items = sections.map((name, index) => {
    const marker = kind === '1.' ? `${index + 1}.` : kind;
    const indent = ' '.repeat(marker.length + 1 + (random() < 0.3 ? 2 : 0));
    const lead = random() < 0.2 ? `${name}, with\n${indent}a second line` : name;
    const gap = random() < 0.2 ? '\n\n' : '\n';
    const nested = pick(['*', '-', '1.', '5)', '- [ ]']);
    const entries = nestedEntries(random, 30 + Math.floor(random() * 20), indent, nested);
    const after = random() < 0.15 ? `\n\n${indent}A closing paragraph.` : '';
    return `${marker} ${lead}${gap}${entries}${after}`;
  });
  return `# Version 0.7\n\n${items.join(loose ? '\n\n' : '\n')}\n\nThe end.\n\n[ref]: https://example.com/ref\n`;
}

describe('typing before the long list an item ends with', () => {
  it('renders the item with a stub for that list, not the whole item', () => {
    const random = seededRandom(3);
    const entries = nestedEntries(random, 80, '   ', '*');
    const text = articleWith(`* Language\n${entries}\n* Libraries\n${entries}\n* Tooling\n${entries}`);
    // The item holds over 3,000 characters; its lead line and a stub are about 30.
    expectSmallRenders(text, text.indexOf('Libraries') + 'Librar'.length, 'y x');
    expect(entries.length).toBeGreaterThan(3000);
  });

  it('stays byte-identical to a whole render under random edits around that list', () => {
    const pieces = [
      'x',
      ' ',
      '\n',
      '\n\n',
      '```',
      '<div>',
      '- ',
      '1. ',
      '    ',
      '> ',
      '# ',
      '[ref]',
      '*',
      '`',
      '---',
    ];
    let alone = 0;
    let edits = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const random = seededRandom(100 + seed);
      let text = sectionsArticle(random);
      const folded = renderer(text);
      for (let step = 0; step < 30; step++) {
        // Mostly in an item's lead, at the end of it, or on the first line of its list.
        const leads = [...text.matchAll(/^(?:[-*]|\d+\.) .*$/gm)];
        const lead = leads[Math.floor(random() * leads.length)] ?? { index: 0, 0: '' };
        const end = lead.index + lead[0].length;
        const roll = random();
        const at =
          roll < 0.5
            ? lead.index + Math.floor(random() * (lead[0].length + 1))
            : roll < 0.7
              ? end
              : roll < 0.85
                ? Math.min(text.length, end + 1 + Math.floor(random() * 8))
                : Math.floor(random() * text.length);
        const remove = random() < 0.2 ? 1 + Math.floor(random() * 4) : 0;
        const insert = remove > 0 && random() < 0.5 ? '' : pieces[Math.floor(random() * pieces.length)]!;
        const edited = editAndCheck(folded, text, { at, remove, insert }, `seed ${seed}, edit ${step}`);
        text = edited.text;
        edits++;
        if (edited.alone) alone++;
      }
    }
    // Edits in a lead that keep the item: its lead and the stub were rendered (about 0.04 of
    // the edits rendered as little without the stub, whose items hold 1,500 characters or more).
    expect(alone / edits).toBeGreaterThan(0.15);
  }, 300_000);
});
