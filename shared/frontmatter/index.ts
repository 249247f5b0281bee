export { findFrontmatter, type FrontmatterBlock } from './find-block';
export { parseFrontmatter, maxFrontmatterChars, type ParsedFrontmatter } from './parse';
export { fastFrontmatterData } from './fast-read';
export { simpleFrontmatterData } from './simple-read';
export {
  readFrontmatter,
  dominantLineEnding,
  maxFrontmatterAliases,
  type FieldKind,
  type FrontmatterError,
  type FrontmatterField,
  type FrontmatterModel,
  type FrontmatterStatus,
  type ValueStyle,
} from './read';
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
