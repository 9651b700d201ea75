export * from "./schema";
export * from "./errors";
export { parseTemplateSet, parseTemplateSetText, builtinTemplateSet } from "./load";
export { normaliseStt, isOfficialSource } from "./stt";
