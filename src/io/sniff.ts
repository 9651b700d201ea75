/**
 * What a file is, from its first bytes and (for a zip) its parts: shared by every reader, so an .xls, a .doc, an
 * encrypted Office file or an .ods gets its own clear message wherever it is opened.
 */
import { looksLikeZip, type ZipArchive } from "./zip";

export type ContainerKind =
  | "empty"
  /** An OLE compound file holding "EncryptedPackage": how Office saves a password-protected .xlsx or .docx. */
  | "encrypted"
  /** An OLE compound file holding a BIFF workbook: Excel 97–2003 .xls. */
  | "xls"
  /** An OLE compound file holding "WordDocument": Word 97–2003 .doc. */
  | "doc"
  | "ole_other"
  | "zip"
  | "unknown";

export type PackageKind = "xlsx" | "docx" | "ods" | "odt" | "zip_other";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function includesUtf16(bytes: Uint8Array, s: string): boolean {
  const pat = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) pat[i * 2] = s.charCodeAt(i);
  const first = pat[0];
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/** Classifies raw bytes; "zip" means "open it and look at its parts" (see packageKind). */
export function sniffContainer(bytes: Uint8Array): ContainerKind {
  if (bytes.length === 0) return "empty";
  if (bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    if (includesUtf16(bytes, "EncryptedPackage") || includesUtf16(bytes, "EncryptionInfo")) return "encrypted";
    if (includesUtf16(bytes, "WordDocument")) return "doc";
    if (includesUtf16(bytes, "Workbook") || includesUtf16(bytes, "Book")) return "xls";
    return "ole_other";
  }
  if (looksLikeZip(bytes)) return "zip";
  return "unknown";
}

/** Which document an opened zip is: an OOXML workbook or document, an OpenDocument file, or something else. */
export function packageKind(zip: ZipArchive): PackageKind {
  if (zip.has("mimetype")) {
    let mime = "";
    try {
      mime = zip.text("mimetype").trim();
    } catch {
      mime = "";
    }
    if (mime === "application/vnd.oasis.opendocument.spreadsheet") return "ods";
    if (mime === "application/vnd.oasis.opendocument.text") return "odt";
  }
  if (zip.has("xl/workbook.xml")) return "xlsx";
  if (zip.has("word/document.xml")) return "docx";
  // A package whose main part is elsewhere: [Content_Types].xml names it.
  if (zip.has("[Content_Types].xml")) {
    let types = "";
    try {
      types = zip.text("[Content_Types].xml");
    } catch {
      return "zip_other";
    }
    if (/spreadsheetml\.sheet\.main\+xml/.test(types)) return "xlsx";
    if (/wordprocessingml\.document\.main\+xml/.test(types)) return "docx";
  }
  return "zip_other";
}

/** The main part of an OOXML package, from [Content_Types].xml's override, else the usual place. */
export function mainPart(zip: ZipArchive, kind: "xlsx" | "docx"): string | null {
  const usual = kind === "xlsx" ? "xl/workbook.xml" : "word/document.xml";
  if (zip.has(usual)) return usual;
  if (!zip.has("[Content_Types].xml")) return null;
  const type = kind === "xlsx" ? "spreadsheetml\\.sheet\\.main\\+xml" : "wordprocessingml\\.document\\.main\\+xml";
  const m = new RegExp(`PartName="/?([^"]+)"[^>]*ContentType="[^"]*${type}"`).exec(zip.text("[Content_Types].xml"));
  return m && zip.has(m[1]) ? m[1] : null;
}
