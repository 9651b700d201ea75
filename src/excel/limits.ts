/**
 * How much of one sheet is read for checking, shared by the add-in (src/excel/adapter.ts) and the command line
 * (src/cli/xlsx-read.ts): a form is ~40 rows, and a big data sheet must neither hang the CLI nor exceed Office.js's
 * response payload limit. Pure constants: safe to import from the browser bundle.
 */
/** Rows 1…MAX_ROWS are read. */
export const MAX_ROWS = 5000;
/** Columns A…BH (1…MAX_COLS) are read. */
export const MAX_COLS = 60;
