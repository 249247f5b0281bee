export { checkArticle, maxDescriptionLength, maxTitleLength, type CheckContext } from './check-article';
export {
  hasErrors,
  problemCodes,
  type ArticleProblem,
  type ProblemCode,
  type ProblemSeverity,
} from './problems';
