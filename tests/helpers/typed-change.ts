import type { TypedChange } from '../../renderer/src/app/document-store';

/**
 * A change the author typed, as the editor tells `DocumentStore.typed` of it, over a text that
 * is already a string: `onBuild` is called each time the whole text is read.
 */
export function typedChange(text: string, from: number, onBuild?: () => void): TypedChange {
  return {
    text: () => {
      onBuild?.();
      return text;
    },
    length: text.length,
    slice: (sliceFrom, to) => text.slice(sliceFrom, to),
    from,
  };
}
