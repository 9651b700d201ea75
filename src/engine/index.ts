export * from "./types";
export { validateForms } from "./validate";
export { recogniseWorkbook, recogniseSheet } from "./recognise";
export { checkWorkbook } from "./check";
export { excelTypedCell } from "./typing";
export { readCell } from "./reading";
export * from "./periods";
export { compareWithPrevious, type ReportValues } from "./previous";
