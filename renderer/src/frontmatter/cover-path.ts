/** `target` (library-relative) as a path relative to the folder of `articlePath`. */
export function relativeToArticle(articlePath: string, target: string): string {
  const from = articlePath.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
