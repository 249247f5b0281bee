export { findFrontmatter, openingFence, type FrontmatterBlock, type OpeningFence } from './find-block';
export {
  frontmatterData,
  parseFrontmatter,
  quickFrontmatterData,
  yamlData,
  type FrontmatterData,
  type ParsedFrontmatter,
} from './data';
export { jsYamlData } from './js-yaml-data';
export { simpleBlockData } from './simple-block-data';
export { maxFrontmatterAliases, maxFrontmatterChars, type FrontmatterError } from './yaml-block';
export { formParses, RecentParses } from './parse-cache';
export {
  readFrontmatter,
  dominantLineEnding,
  type FieldKind,
  type FrontmatterField,
  type FrontmatterModel,
  type FrontmatterStatus,
  type ValueStyle,
} from './form-model';
export {
  addKey,
  applyEdits,
  removeKey,
  setField,
  setList,
  setScalar,
  FrontmatterEditError,
  type EditOptions,
  type FieldValue,
  type ListItem,
  type TextEdit,
} from './edit';
export { sameData, type ScalarValue, type YamlSource } from './scalar-source';
export {
  datePart,
  isRealDate,
  readDate,
  timePart,
  todayDate,
  withDatePart,
  withTimePart,
  type DateShape,
} from './dates';
export {
  applyDefaults,
  builtinSchema,
  checkField,
  defaultsFromSchema,
  fieldTypes,
  hasRiskyRepetition,
  schemaProblems,
  validateData,
  type FieldProblem,
  type FieldType,
  type FrontmatterSchema,
  type LibrarySchema,
  type SchemaField,
} from './schema';
export { parseSchema, type SchemaResult } from './schema-file';
