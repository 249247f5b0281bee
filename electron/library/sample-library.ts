import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The sample library's tour, which the first start opens. */
export const welcomeArticle = 'Welcome to Folio.md';

/**
 * The articles Folio writes into a new, empty default library so that a first start shows what
 * it does. Kept as strings (not files beside the code) so that the desktop bundle, the CLI and
 * browser mode all carry them without any path lookup.
 */
const sampleFiles: Record<string, string> = {
  [welcomeArticle]: `---
title: Welcome to Folio
subtitle: A two-minute tour
author: The Folio team
date: 2026-11-28
status: published
tags: [folio, getting-started]
# Comments in frontmatter are kept exactly as you wrote them.
description: The three panes, the form, and the four shortcuts worth knowing.
---

# Welcome to Folio

Your cursor is in this article: type anywhere and the preview on the right follows. Your
articles are plain Markdown files in a folder you own, and Folio saves them as you write.

![A page on a desk](images/folio-desk.svg "Your library is just a folder")

## The three panes

- **Library** (left): every article in the folder, by title, with search. The + button starts
  a new article; right-click one to rename, move or delete it.
- **Editor** (middle): Markdown with *emphasis*, **strong text**, lists, tables and \`code\`.
- **Preview** (right): exactly what an export produces.

## The form

"Article details" above the text is this article's frontmatter, the block between the two
\`---\` lines. Edit the title or the tags there or in the text: the other follows, and Ctrl+Z
undoes either.

## Four shortcuts

| Shortcut     | What it does                                   |
| :----------- | :--------------------------------------------- |
| Ctrl+P       | Open any article by a few letters of its title |
| Ctrl+Shift+P | Every command, by name                         |
| Ctrl+S       | Save now (Folio also saves after a pause)      |
| Ctrl+,       | Settings: theme, font, modes                   |

On a Mac, read Cmd for Ctrl.

## When the draft is ready

- **Export…** above the preview writes a standalone HTML page (or a PDF in the desktop app).
- **History** keeps a version of the article at every save: compare any two, restore one.
- **Suggestions** mark proposed edits in the text, to accept or reject one by one.

Delete this article whenever you like; your library is yours.[^yours]

[^yours]: The sample articles are only written into an empty folder, never over your own files.
`,
  'Writing with frontmatter.md': `---
title: Writing with frontmatter
date: 2026-11-20
status: review
tags: [folio, metadata]
---

# Writing with frontmatter

The block between the two \`---\` lines at the top of a file is its *frontmatter*. It is
written in YAML, and Folio reads the title, status, tags and date from it.

1. Folio never rewrites the block from scratch.
2. Comments, quoting and key order stay as you wrote them.
3. If the YAML is broken, Folio says where, and saves your bytes untouched.
`,
  'drafts/An idea worth drafting.md': `---
title: An idea worth drafting
date: 2026-11-27
status: draft
tags: [ideas]
---

Start with one honest sentence. Then write the next one.

Drafts live in any folder you like; this one lives in \`drafts/\`.
`,
  'images/folio-desk.svg': `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="300" viewBox="0 0 720 300">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#5b4a8f"/>
      <stop offset="1" stop-color="#2a86d6"/>
    </linearGradient>
  </defs>
  <rect width="720" height="300" fill="url(#sky)"/>
  <rect x="270" y="58" width="200" height="200" fill="#1d2340" opacity="0.35"/>
  <rect x="260" y="48" width="200" height="200" fill="#fbf9f2"/>
  <rect x="284" y="62" width="116" height="10" fill="#3b4470"/>
  <g fill="#7d879c">
    <rect x="284" y="90" width="152" height="4"/>
    <rect x="284" y="112" width="152" height="4"/>
    <rect x="284" y="134" width="152" height="4"/>
    <rect x="284" y="156" width="152" height="4"/>
    <rect x="284" y="178" width="152" height="4"/>
    <rect x="284" y="200" width="96" height="4"/>
  </g>
</svg>
`,
};

/**
 * Writes the sample articles into `dir` when it is missing or empty. A folder that already has
 * anything in it is left alone, so an author's own files are never touched.
 * Returns true when the samples were written.
 */
export async function ensureSampleLibrary(dir: string): Promise<boolean> {
  await mkdir(dir, { recursive: true });
  const existing = await readdir(dir);
  if (existing.some((name) => !name.startsWith('.'))) return false;
  for (const [relative, content] of Object.entries(sampleFiles)) {
    const target = path.join(dir, ...relative.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content, { flag: 'wx' });
  }
  return true;
}
