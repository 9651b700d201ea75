/**
 * Where the office's own template set travels with the workbook: a custom XML part (ExcelApi 1.5,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-workbooks#access-custom-xml-data) in the
 * namespace below, read by the task pane and by the ribbon command alike (both run Excel.run on the same file). A
 * workbook saved by an earlier version keeps the set in the add-in's document settings; it is still read from there
 * when no part exists, and moved into a part when the set is stored again. On a host below ExcelApi 1.5 the
 * document settings remain the only place.
 */
import { parseXml } from "../io/xml";

export const TEMPLATE_SET_NAMESPACE = "urn:bieumau:template-set:1";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The part's XML: the set's JSON as the text of one element. */
export function templateSetXml(json: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><templateSet xmlns="${TEMPLATE_SET_NAMESPACE}">${escapeXml(json)}</templateSet>`;
}

/** The JSON text inside a part written by templateSetXml (through the house XML parser). */
export function templateSetFromXml(xml: string): string {
  let depth = 0;
  let text = "";
  parseXml(xml, {
    open: () => void depth++,
    close: () => void depth--,
    text: (t) => {
      if (depth === 1) text += t;
    },
  });
  return text;
}

type Ctx = Excel.RequestContext;

/** The set's JSON from its custom XML part, or null when there is none (one sync, or two when a part exists). */
export async function loadTemplatePart(ctx: Ctx): Promise<string | null> {
  const part = ctx.workbook.customXmlParts.getByNamespace(TEMPLATE_SET_NAMESPACE).getOnlyItemOrNullObject();
  await ctx.sync();
  if (part.isNullObject) return null;
  const xml = part.getXml();
  await ctx.sync();
  return templateSetFromXml(xml.value);
}

/** Replaces the part (or removes it when `json` is null); queued, the caller syncs. */
export async function storeTemplatePart(ctx: Ctx, json: string | null): Promise<void> {
  const parts = ctx.workbook.customXmlParts.getByNamespace(TEMPLATE_SET_NAMESPACE);
  parts.load("items");
  await ctx.sync();
  for (const p of parts.items) p.delete();
  if (json !== null) ctx.workbook.customXmlParts.add(templateSetXml(json));
  await ctx.sync();
}
