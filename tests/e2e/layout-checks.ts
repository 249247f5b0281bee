import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** A box on the page, in CSS pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The box of a visible element (fails the test when it has none or is empty). */
export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, String(locator)).not.toBeNull();
  expect(box!.width * box!.height, String(locator)).toBeGreaterThan(0);
  return box!;
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether `inner` lies wholly inside `outer` (to the pixel). */
export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.x >= outer.x - 1 &&
    inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1
  );
}

/**
 * The WCAG contrast ratio of an element's text colour against the background it is drawn on
 * (the first ancestor with an opaque background colour; translucent layers are not blended).
 */
export function textContrast(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const rgb = (value: string): number[] => (value.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]): number => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    let background: number[] | null = null;
    for (let node: Element | null = element; node && !background; node = node.parentElement) {
      const color = rgb(getComputedStyle(node).backgroundColor);
      if (color.length >= 3 && (color[3] ?? 1) >= 0.99) background = color;
    }
    const text = luminance(rgb(getComputedStyle(element).color));
    const ground = luminance(background ?? [255, 255, 255]);
    return (Math.max(text, ground) + 0.05) / (Math.min(text, ground) + 0.05);
  });
}
