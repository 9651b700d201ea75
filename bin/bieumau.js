#!/usr/bin/env node
"use strict";
// The `bieumau` command. The TypeScript in src/cli is compiled to lib/ by `npm run build:cli` (run on npm install).
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
main.run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`Lỗi không mong đợi / unexpected error: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 2;
  },
);
