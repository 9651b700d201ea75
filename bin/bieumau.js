#!/usr/bin/env node
"use strict";
// The `bieumau` command. The TypeScript in src/cli is compiled to lib/ by `npm run build:cli` (run on npm install).
// V8 settings for a short-lived command (src/cli/v8-tuning.ts), set before any of the command's code is loaded. Only
// a speed-up: a lib/ built before the module existed (a pull without a rebuild) runs without it.
try {
  require("../lib/cli/v8-tuning.js").delayOptimisation();
} catch {
  // not built yet: the require below says so
}
let main;
try {
  main = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("lib/cli/main.js")) {
    process.stderr.write(
      "Chưa biên dịch công cụ dòng lệnh: hãy chạy `npm run build:cli` (hoặc `npm install`).\n" +
        "The command line is not built yet: run `npm run build:cli` (or `npm install`).\n",
    );
    process.exit(2);
  }
  throw e;
}
// A closed pipe (`bieumau check … | head -1`) ends the run quietly: no EPIPE stack. Outputs are written to a temporary
// file and renamed into place, so stopping here never leaves half a file.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    process.exit(e && e.code === "EPIPE" ? (process.exitCode ?? 0) : 2);
  });
}
const verbose = process.argv.includes("--verbose");
main.run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    // run() already turns every failure into a sentence; this is the last net. The stack only with --verbose.
    const detail = verbose && e && e.stack ? e.stack : String(e && e.message ? e.message : e).split("\n")[0];
    process.stderr.write(`Lỗi nội bộ / internal error: ${detail}\n`);
    process.exitCode = 2;
  },
);
