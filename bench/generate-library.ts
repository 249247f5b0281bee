import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seededRandom } from './seeded-random';

/**
 * A realistic library for the library bench: a vocabulary of thousands of words drawn with a
 * Zipf-like distribution (so a common word matches most articles and a rare one a handful),
 * article lengths from a note to a long read, frontmatter as Hugo, Jekyll, Astro, Eleventy,
 * Docusaurus and Folio write it (and some articles without any), nested folders.
 * Deterministic: the same count gives the same files, so runs compare.
 */

/** What the bench needs to know about the library it generated. */
export interface GeneratedLibrary {
  /** Library-relative paths of every article, in generation order. */
  readonly paths: readonly string[];
  /** Realistic search box input, in the order an author would type it. */
  readonly queries: readonly { readonly kind: string; readonly query: string }[];
  /** Total bytes written. */
  readonly bytes: number;
}

/** Most frequent English words first: they make the head of the Zipf curve. */
const commonWords = (
  'the of and to a in is that it for was on with as be by this are from at or an have not but ' +
  'which one all their they can more has we were when there will been what would so if about ' +
  'out its who into time than only some them other also these two first new like then may way ' +
  'could any over after most people write should very many how where even back much work year ' +
  'our because through just good before same well between still while each long make those ' +
  'here every both own another part world during without under place small last great think ' +
  'story reader draft editor page paper light river market evening morning city idea source ' +
  'chapter margin sentence paragraph argument evidence letter garden kitchen winter summer ' +
  'bread coffee travel music camera history science design library language school water'
).split(' ');

const onsets = [
  'b',
  'br',
  'c',
  'ch',
  'cl',
  'd',
  'dr',
  'f',
  'fl',
  'g',
  'gr',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'pr',
  'qu',
  'r',
  's',
  'sh',
  'sl',
  'st',
  't',
  'th',
  'tr',
  'v',
  'w',
  'z',
];
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou', 'y'];
const codas = ['', '', 'n', 'r', 'l', 's', 't', 'm', 'nd', 'st', 'rk', 'ng', 'x'];

/** `size` distinct words: the common ones, then made-up words of one to four syllables, mostly short. */
function buildVocabulary(size: number, random: () => number): string[] {
  const words = new Set(commonWords);
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * random() * 4);
    let word = '';
    for (let s = 0; s < syllables; s++) {
      word += onsets[Math.floor(random() * onsets.length)]!;
      word += vowels[Math.floor(random() * vowels.length)]!;
      if (s === syllables - 1 || random() < 0.2) word += codas[Math.floor(random() * codas.length)]!;
    }
    if (word.length >= 3) words.add(word);
  }
  return [...words];
}

/** Draws ranks 0..n-1 with probability ∝ 1 / (rank + 1)^exponent. */
function zipfSampler(n: number, exponent: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / Math.pow(rank + 1, exponent);
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const vocabularySize = 6000;
const sections = ['blog', 'docs', 'notes', 'essays', 'drafts', 'newsletter', 'guides', 'reviews'];

/** Writes `count` articles under `root` and returns their paths and the queries to time. */
export async function generateLibrary(root: string, count: number, seed = 7): Promise<GeneratedLibrary> {
  const random = seededRandom(seed);
  const vocabulary = buildVocabulary(vocabularySize, random);
  const wordRank = zipfSampler(vocabulary.length, 1.07, random);
  const word = (): string => vocabulary[wordRank()]!;
  const tagPool = vocabulary.slice(150, 230);
  const tagRank = zipfSampler(tagPool.length, 1, random);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

  const sentence = (): string => {
    const n = 6 + Math.floor(random() * 18);
    const parts = Array.from({ length: n }, word);
    if (random() < 0.25) parts[2] = `*${parts[2]}*`;
    if (random() < 0.15) parts[n - 2] = `[${parts[n - 2]}](https://example.com/${parts[n - 2]})`;
    if (random() < 0.08) parts[1] = `\`${parts[1]}\``;
    return `${capital(parts.join(' '))}${pick(['.', '.', '.', '?', '!'])}`;
  };
  const titleWords = (): string[] => Array.from({ length: 2 + Math.floor(random() * 5) }, word);

  /** Log-normal lengths: median about 600 words, from short notes to a few long reads. */
  const articleLength = (): number => {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(40, Math.min(20_000, Math.round(Math.exp(6.4 + 0.9 * normal))));
  };

  const body = (words: number, images: boolean): string => {
    const out: string[] = [];
    let written = 0;
    while (written < words) {
      if (written > 0 || random() < 0.5) out.push(`## ${capital(titleWords().join(' '))}`, '');
      const paragraphs = 1 + Math.floor(random() * 4);
      for (let p = 0; p < paragraphs && written < words; p++) {
        const sentences = Array.from({ length: 2 + Math.floor(random() * 5) }, sentence).join(' ');
        out.push(sentences, '');
        written += sentences.split(' ').length;
      }
      const extra = random();
      if (extra < 0.15) {
        out.push(...Array.from({ length: 3 }, () => `- ${sentence()}`), '');
      } else if (extra < 0.22) {
        out.push(
          '```js',
          `const ${word()} = ${Math.floor(random() * 100)};`,
          `console.log(${word()});`,
          '```',
          '',
        );
      } else if (extra < 0.28) {
        out.push(`> ${sentence()}`, '');
      } else if (extra < 0.31) {
        out.push(`| ${word()} | ${word()} |`, '| --- | --- |', `| ${word()} | ${word()} |`, '');
      } else if (images && extra < 0.36) {
        out.push(`![${word()} ${word()}](./images/${word()}.jpg)`, '');
      }
    }
    return out.join('\n');
  };

  const date = (n: number): string => {
    const day = new Date(Date.UTC(2014, 0, 1) + Math.floor((n / count) * 11 * 365) * 86_400_000);
    return day.toISOString().slice(0, 10);
  };
  const tags = (): string[] => [
    ...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => tagPool[tagRank()]!)),
  ];
  const yamlList = (items: readonly string[]): string => `[${items.join(', ')}]`;

  /** Frontmatter in the styles of the site generators authors come from. */
  const frontmatter = (n: number, title: string): { head: string; inBody: boolean } => {
    const style = n % 20;
    const d = date(n);
    const t = tags();
    const description = sentence();
    if (style < 6) {
      return {
        head: `---\ntitle: "${title}"\ndate: ${d}T09:00:00+01:00\ndraft: ${random() < 0.2}\ntags: ${yamlList(t)}\ncategories: [${pick(sections)}]\ndescription: "${description}"\n---\n`,
        inBody: false,
      };
    }
    if (style < 10) {
      return {
        head: `---\nlayout: post\ntitle: ${title}\ndate: ${d} 10:30:00 +0100\ncategories: ${pick(sections)} ${word()}\ntags:\n${t.map((tag) => `  - ${tag}`).join('\n')}\n---\n`,
        inBody: false,
      };
    }
    if (style < 13) {
      return {
        head: `---\ntitle: '${title}'\ndescription: '${description}'\npubDate: '${d}'\nheroImage: '/blog-placeholder-${n % 5}.jpg'\ntags: ${yamlList(t)}\n---\n`,
        inBody: false,
      };
    }
    if (style < 15) {
      return {
        head: `---\nid: doc-${n}\ntitle: ${title}\nsidebar_position: ${n % 12}\nslug: /${title.toLowerCase().replace(/\s+/g, '-')}\ntags: ${yamlList(t)}\n---\n`,
        inBody: false,
      };
    }
    if (style < 18) {
      return {
        head: `---\ntitle: ${title}\nstatus: ${pick(['draft', 'review', 'published'])}\ntags: ${yamlList(t)}\ndate: ${d}\nupdated: ${d}\nauthor: ${capital(word())} ${capital(word())}\n---\n`,
        inBody: false,
      };
    }
    if (style === 18) {
      return {
        head: `+++\ntitle = "${title}"\ndate = ${d}T08:00:00Z\ntags = [${t.map((tag) => `"${tag}"`).join(', ')}]\ndraft = false\n+++\n`,
        inBody: false,
      };
    }
    // Plain notes: no frontmatter, the title is the first heading.
    return { head: '', inBody: true };
  };

  const folderFor = (n: number): string => {
    const section = sections[Math.floor(random() * random() * sections.length)]!;
    if (section === 'blog' || section === 'newsletter') {
      const d = date(n);
      return `${section}/${d.slice(0, 4)}/${d.slice(5, 7)}`;
    }
    if (section === 'docs' || section === 'guides')
      return `${section}/${tagPool[n % 12]}/${tagPool[(n >> 3) % 5]}`;
    return section;
  };

  const paths: string[] = [];
  const titles: string[] = [];
  const usedPaths = new Set<string>();
  const files: { relative: string; text: string }[] = [];
  for (let n = 0; n < count; n++) {
    const title = capital(titleWords().join(' '));
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    let relative = `${folderFor(n)}/${slug}.md`;
    if (usedPaths.has(relative)) relative = `${folderFor(n)}/${slug}-${n}.md`;
    usedPaths.add(relative);
    const { head, inBody } = frontmatter(n, title);
    const text = `${head}${inBody ? `# ${title}\n\n` : '\n'}${body(articleLength(), n % 3 === 0)}\n`;
    paths.push(relative);
    titles.push(title);
    files.push({ relative, text });
  }

  let bytes = 0;
  const folders = new Set(files.map((file) => path.dirname(path.join(root, file.relative))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(
      files.slice(i, i + 64).map((file) => {
        bytes += Buffer.byteLength(file.text);
        return writeFile(path.join(root, file.relative), file.text);
      }),
    );
  }

  // What an author types: a word letter by letter (each keystroke a search), a rare word,
  // two words, a tag, a known title, a typo, a common word.
  const typed = vocabulary.slice(400).find((candidate) => candidate.length >= 7)!;
  const rare = vocabulary[vocabulary.length - 50]!;
  const queries: { kind: string; query: string }[] = [];
  for (let length = 2; length <= typed.length; length++) {
    queries.push({ kind: 'typing a word', query: typed.slice(0, length) });
  }
  const title = titles[Math.floor(count / 2)]!;
  for (let length = 4; length <= title.length; length += 3) {
    queries.push({ kind: 'typing a title', query: title.slice(0, length) });
  }
  queries.push(
    { kind: 'rare word', query: rare },
    { kind: 'two words', query: `${vocabulary[120]} ${vocabulary[900]}` },
    { kind: 'tag', query: tagPool[3]! },
    { kind: 'title', query: title },
    { kind: 'typo', query: `${typed.slice(0, 3)}${typed.slice(4)}` },
    { kind: 'common word', query: vocabulary[60]! },
  );
  return { paths, queries, bytes };
}
