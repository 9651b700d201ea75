import type { SheetGrid } from "../engine/types";

/**
 * A path's last part, at "/" or "\\": no "path" module, so the browser checker (src/web, through merge-build.ts)
 * uses the same code, and a Windows path seen on Linux still gives its file name.
 */
export const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** The unit's name as its sheet says it ("Đơn vị báo cáo: Sở Tư pháp"), else the file's name. */
export function unitName(grids: readonly SheetGrid[], file: string): string {
  for (const grid of grids)
    for (const row of grid.cells.slice(0, 10))
      for (const cell of row ?? []) {
        const v = cell?.value;
        if (typeof v !== "string") continue;
        const m = /Đơn vị báo cáo:\s*(.*?)(?:\s{2,}|$)/u.exec(v.normalize("NFC"));
        if (m && m[1] && !/^…|^\.\.\./.test(m[1].trim())) return m[1].trim();
      }
  return baseName(file).replace(/\.[^.]+$/, "");
}
