import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
// commonmark-spec is CommonJS: its `tests` are the 652 examples of CommonMark 0.31.2.
import spec from 'commonmark-spec';
import { generateArticle } from '../../bench/generate-article';
import { randomArticle, randomEdit, seededRandom } from '../shared/markdown/random-article';
import { hostileArticle } from './hostile-article';

const here = path.dirname(new URL(import.meta.url).pathname);

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...markdownFiles(full));
    else if (/\.(md|markdown)$/i.test(name)) out.push(full);
  }
  return out.sort();
}

/**
 * The Markdown every "same output with and without a shortcut" test renders both ways: the 652
 * CommonMark examples, the static-site fixtures, the hostile article of SECURITY.md, random
 * articles with random edits (the incremental renderer's generator), a generated long article,
 * and a few cases picked for the shortcuts (raw HTML only at the end, CRLF, math, footnotes).
 */
export function markdownCorpus(): { name: string; markdown: string }[] {
  const corpus: { name: string; markdown: string }[] = [];
  for (const example of spec.tests) {
    corpus.push({ name: `commonmark #${example.number}`, markdown: example.markdown });
  }
  for (const file of markdownFiles(path.join(here, '..', 'electron', 'cli', 'fixtures'))) {
    corpus.push({ name: path.relative(here, file), markdown: readFileSync(file, 'utf8') });
  }
  corpus.push({ name: 'hostile article', markdown: hostileArticle });
  for (let seed = 1; seed <= 60; seed++) {
    const random = seededRandom(seed);
    let text = randomArticle(random, 10);
    for (let i = 0; i < 6; i++) {
      const edit = randomEdit(random, text);
      text = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
    }
    corpus.push({ name: `random article ${seed}`, markdown: text });
  }
  corpus.push({ name: 'generated 3k words', markdown: generateArticle(3_000, 7) });
  const picked: Record<string, string> = {
    'raw html after markdown': '# Title\n\nA paragraph *here*.[^1]\n\n<div>\n\nstill *open*\n\n[^1]: note\n',
    'unclosed inline html': 'Intro.\n\nText <b>bold\n\nnext paragraph\n\n- a\n- b\n',
    'table cell html': 'Intro.\n\n| a | b |\n| - | - |\n| <td>x</td> | <tr> |\n\n<tr><td>loose</td></tr>\n',
    'crlf line endings':
      '---\r\ntitle: x\r\n---\r\n\r\n# A\r\n\r\nline one\r\nline two  \r\nbreak\r\n\r\n```js\r\nx\r\n```\r\n',
    'character references': 'A &#13; B &#0; C &amp; &lt;b&gt; &nbsp;\n\n![alt &#13; text](a.png "t&#13;")\n',
    'math and code':
      '# M\n\n$x^2$ and $$\\frac{a}{b}$$\n\n```math\n\\sum_i i\n```\n\n```ts\nconst a = 1;\n```\n',
    'footnotes and tasks': 'Text[^a] and[^b].\n\n- [x] done\n- [ ] todo\n\n[^a]: A.\n[^b]: B <em>raw</em>.\n',
    'pre newline': '<pre>\n\nx</pre>\n\n    code\n',
    comment: 'Intro\n\n<!-- a comment -->\n\nafter\n',
  };
  for (const [name, markdown] of Object.entries(picked)) corpus.push({ name, markdown });
  return corpus;
}
