/** Types of the `commonmark-spec` package (CommonMark's examples; it ships none). */
declare module 'commonmark-spec' {
  interface SpecExample {
    readonly markdown: string;
    readonly html: string;
    readonly section: string;
    readonly number: number;
  }
  const spec: { readonly text: string; readonly tests: readonly SpecExample[] };
  export default spec;
}
