import { ChangeSet, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { FrontmatterTitle } from '../../../renderer/src/preview/frontmatter-title';

const doc = (text: string): Text => Text.of(text.split('\n'));

/** Applies one change to `text` and lets the tracker see it, as the preview session does. */
function edit(title: FrontmatterTitle, text: string, from: number, to: number, insert: string) {
  const before = doc(text);
  const changes = ChangeSet.of([{ from, to, insert }], before.length);
  const after = changes.apply(before);
  const touched = title.touched(after, changes);
  return { touched, changed: touched && title.update(after), text: after.toString() };
}

describe('the preview title block from the frontmatter', () => {
  it('renders the export title block: title, description, author and date, escaped', () => {
    const title = new FrontmatterTitle();
    expect(
      title.update(
        [
          '---',
          'title: "Owls </h1><script>alert(1)</script>"',
          'description: At dusk & after',
          'author: [Ada, Grace]',
          'date: 2026-11-27',
          '---',
          '',
          'Body.',
        ].join('\n'),
      ),
    ).toBe(true);
    expect(title.html).toBe(
      [
        '<header class="folio-title-block">',
        '<h1>Owls &lt;/h1&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>',
        '<p class="folio-description">At dusk &amp; after</p>',
        '<p class="folio-byline"><span>Ada, Grace</span> · <time datetime="2026-11-27">2026-11-27</time></p>',
        '</header>',
      ].join('\n'),
    );
  });

  it('has none without a frontmatter title, for TOML, broken YAML or an unclosed block', () => {
    for (const text of [
      '# Heading\n\nBody.\n',
      '---\ndate: 2026-01-01\n---\n\nBody.\n',
      '+++\ntitle = "TOML"\n+++\n\nBody.\n',
      '---\ntitle: [unclosed\n---\n\nBody.\n',
      '---\ntitle: Never closed\n\nBody.\n',
    ]) {
      const title = new FrontmatterTitle();
      title.update(text);
      expect(title.html, text).toBe('');
    }
  });

  it('tells which edits may change it, and follows them', () => {
    const title = new FrontmatterTitle();
    let text = '---\ntitle: Owls\n---\n\nBody.\n';
    title.update(doc(text));
    expect(title.html).toContain('<h1>Owls</h1>');

    // Typing in the body does not touch it.
    let step = edit(title, text, text.length - 1, text.length - 1, ' More.');
    expect(step.touched).toBe(false);
    text = step.text;

    // Typing in the title changes it.
    step = edit(title, text, 15, 15, ' at dusk');
    expect(step.changed).toBe(true);
    expect(title.html).toContain('<h1>Owls at dusk</h1>');
    text = step.text;

    // Breaking the closing fence takes it away; mending it brings it back.
    const close = text.indexOf('---', 3);
    step = edit(title, text, close, close + 1, '');
    expect(step.changed).toBe(true);
    expect(title.html).toBe('');
    text = step.text;
    step = edit(title, text, close, close, '-');
    expect(step.changed).toBe(true);
    expect(title.html).toContain('<h1>Owls at dusk</h1>');
  });

  it('notices a frontmatter block typed at the top of an article that had none', () => {
    const title = new FrontmatterTitle();
    const text = '--\ntitle: New\n---\n\nBody.\n';
    title.update(doc(text));
    expect(title.html).toBe('');
    const step = edit(title, text, 2, 2, '-');
    expect(step.text.startsWith('---\n')).toBe(true);
    expect(step.changed).toBe(true);
    expect(title.html).toContain('<h1>New</h1>');
  });
});

describe('the preview language from the frontmatter', () => {
  it('takes `lang` or `language` when it is a language tag, and nothing otherwise', () => {
    const title = new FrontmatterTitle();
    title.update('---\ntitle: Roitelets\nlang: fr-CA\n---\n\nBody.\n');
    expect(title.lang).toBe('fr-CA');
    title.update('---\nlanguage: de\n---\n\nBody.\n');
    expect(title.lang).toBe('de');
    title.update('---\nlang: "not a tag!"\n---\n\nBody.\n');
    expect(title.lang).toBeNull();
    title.update('---\ntitle: No language\n---\n\nBody.\n');
    expect(title.lang).toBeNull();
    title.update('# No frontmatter\n');
    expect(title.lang).toBeNull();
  });

  it('reports a change of language alone as a change', () => {
    const title = new FrontmatterTitle();
    title.update('---\nlang: en\n---\n\nBody.\n');
    expect(title.update('---\nlang: nl\n---\n\nBody.\n')).toBe(true);
    expect(title.lang).toBe('nl');
  });
});
