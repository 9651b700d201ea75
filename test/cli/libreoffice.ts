/** LibreOffice headless, with a fresh profile set to recalculate every formula on load (tests and bench). */
import { execFile } from "child_process";
import { existsSync, mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { promisify } from "util";

const run = promisify(execFile);

export function sofficePath(): string | null {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice", "/opt/libreoffice/program/soffice"])
    if (existsSync(p)) return p;
  return null;
}

/** A profile whose Calc recalculates .xlsx (and .ods) formulas on load instead of trusting cached results. */
export function freshProfile(dir: string): string {
  const user = join(dir, "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${dir}`;
}

/** Converts files (one soffice run for all of them) into outDir; returns when soffice exits. */
export async function convert(soffice: string, profileUrl: string, format: string, outDir: string, files: readonly string[]): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await run(soffice, [`-env:UserInstallation=${profileUrl}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, ...files], {
    timeout: 600000,
    maxBuffer: 64 * 1024 * 1024,
  });
}
