/**
 * taskpane.bundle_gzip: the gzip size of the JavaScript the task pane page loads from a production build (every
 * script taskpane.html references, Office.js excluded: it is Microsoft's and cached by Office). Builds dist/ with
 * `webpack --mode production` when there is no production build yet.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { buildWithWebpack } from "../test/support/webpack-build";

const ROOT = join(__dirname, "..");
const DIST = join(ROOT, "dist");

async function buildProduction(): Promise<void> {
  await buildWithWebpack({}, "production");
}

/** A production build names its bundles by content hash (taskpane.<hash>.js); a development one does not. */
function isProductionBuild(): boolean {
  const page = join(DIST, "taskpane.html");
  if (!existsSync(page)) return false;
  const m = /taskpane\.[0-9a-f]{8}\.js/.exec(readFileSync(page, "utf8"));
  return !!m && existsSync(join(DIST, m[0]));
}

export default async function (): Promise<void> {
  if (!isProductionBuild()) await buildProduction();
  const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
  // The production page is minified: attribute values may be unquoted.
  const scripts = [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^(https?:)?\/\//.test(src) && !src.startsWith("office-js/"));
  let gzip = 0;
  for (const src of scripts) gzip += gzipSync(readFileSync(join(DIST, src.replace(/^\.?\//, "").split("?")[0])), { level: 9 }).length;
  console.log(`taskpane.bundle_gzip: ${Math.round(gzip / 1024)} KiB`);
}
