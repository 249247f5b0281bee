import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

type Attributes = NonNullable<SanitizeSchema['attributes']>;

const mathTags = [
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mstyle',
  'mpadded',
  'mphantom',
  'menclose',
  'merror',
  'mmultiscripts',
  'mprescripts',
  'none',
];

/** MathML attributes KaTeX writes; none of them can carry a URL, a script or CSS. */
const mathAttributes: Attributes = {
  math: ['display'],
  annotation: [['encoding', 'application/x-tex']],
  mi: ['mathvariant'],
  mn: ['mathvariant'],
  mtext: ['mathvariant'],
  mo: [
    'fence',
    'stretchy',
    'separator',
    'lspace',
    'rspace',
    'minsize',
    'maxsize',
    'symmetric',
    'largeop',
    'movablelimits',
    'accent',
    'mathvariant',
  ],
  mstyle: ['displaystyle', 'scriptlevel', 'mathvariant'],
  mspace: ['width', 'height', 'depth'],
  mpadded: ['width', 'height', 'depth', 'lspace', 'voffset'],
  mtable: [
    'columnalign',
    'rowspacing',
    'columnspacing',
    'rowalign',
    'columnlines',
    'rowlines',
    'frame',
    'displaystyle',
  ],
  mtr: ['columnalign', 'rowalign'],
  mtd: ['columnalign', 'rowalign'],
  mfrac: ['linethickness'],
  mover: ['accent'],
  munder: ['accentunder'],
  munderover: ['accent', 'accentunder'],
  menclose: ['notation'],
};

/** Classes of CriticMarkup marks (`critic`, `critic-comment`, ...). */
const criticClass = /^critic(?:-[a-z]+)?$/;

/**
 * Folio's sanitize schema: GitHub's defaults (which prefix ids and names with `user-content-`,
 * generated heading and footnote ids included), plus what the pipeline itself produces and
 * nothing more: source lines on blocks, `language-*` and `hljs-*` classes on code, KaTeX's
 * MathML and wrapper classes. URLs are judged by `safe-urls`, which runs right after every
 * sanitize: the schema's own protocol check takes whatever comes before the first colon for a
 * scheme, so it dropped relative URLs such as `foo):` (CommonMark example 500), and it cannot
 * express the rest of the policy (`//host`, backslashes, resources on local hosts).
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // `mark` is CriticMarkup's highlight (shared/review/remark-critic-markup.ts).
  tagNames: [...(defaultSchema.tagNames ?? []), ...mathTags, 'mark'],
  attributes: {
    ...defaultSchema.attributes,
    ...mathAttributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataLine', 'dataLineEnd'],
    // CriticMarkup suggestions: insertions, deletions, highlights.
    ...Object.fromEntries(
      ['ins', 'del', 'mark'].map((tag) => [
        tag,
        [...(defaultSchema.attributes?.[tag] ?? []), ['className', criticClass]],
      ]),
    ),
    // The info string's first word, whatever its characters (`language-föö`, `language-;`):
    // a class is an attribute value, escaped when serialized, and `language-` keeps it apart
    // from the classes Folio's own styles use.
    code: [['className', /^language-\S+$/u, 'hljs']],
    span: [
      ...(defaultSchema.attributes?.span ?? []),
      ['className', /^hljs-[\w-]+$/, /^[\w-]+_$/, 'katex', 'katex-display', 'katex-error', criticClass],
    ],
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'math', 'math-display']],
  },
  protocols: {},
};
