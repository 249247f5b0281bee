export { findFrontmatter, type FrontmatterBlock } from './find-block';
export { parseFrontmatter, maxFrontmatterChars, type ParsedFrontmatter } from './parse';
