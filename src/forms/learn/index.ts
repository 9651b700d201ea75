export { learnTemplateSet, reportOf, withoutRules, proposalId, TemplateLearnError, type LearnProblem } from "./learn";
export { sheetDocument } from "./sheet-doc";
export type * from "./types";
