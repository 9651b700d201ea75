import { TEMPLATE_SET_TEXT } from "../i18n/template-set";

/** Thrown only for misuse or for a template set that cannot be used; bad cell values are findings, never errors. */
export class InvalidTemplateSetError extends Error {
  override readonly name = "InvalidTemplateSetError";
  /** Vietnamese sentences, one per problem, each naming the field (e.g. `forms[0].rows[3].kind`). */
  readonly problems: string[];
  constructor(problems: string[]) {
    super(TEMPLATE_SET_TEXT.invalidSet(problems.join("; ")));
    this.problems = problems;
  }
}

export class UnknownFormError extends Error {
  override readonly name = "UnknownFormError";
  constructor(readonly formId: string) {
    super(TEMPLATE_SET_TEXT.unknownFormInSet(formId));
  }
}
