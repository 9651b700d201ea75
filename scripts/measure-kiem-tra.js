/**
 * Size and cold load time of built browser-checker pages (dist/kiem-tra.html), in headless Chromium:
 *   node scripts/measure-kiem-tra.js dist/kiem-tra.html [other.html …]
 * Each load is cold: a fresh browser, the page opened from the disk, timed until the file chooser is on the page (the
 * page's script has run). Prints `name: value unit` lines like npm run bench; the median of RUNS loads.
 */
const { statSync } = require("fs");
const { resolve } = require("path");
const { pathToFileURL } = require("url");
const { chromium } = require("playwright-core");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"];
const RUNS = Number(process.env.RUNS) || 5;

async function coldLoad(url) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    const start = Date.now();
    await page.goto(url);
    await page.locator("#files").waitFor({ state: "attached" });
    return Date.now() - start;
  } finally {
    await browser.close();
  }
}

async function main() {
  for (const file of process.argv.slice(2)) {
    const url = pathToFileURL(resolve(file)).href;
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push(await coldLoad(url));
    times.sort((a, b) => a - b);
    console.log(`${file} size: ${(statSync(file).size / 1024).toFixed(0)} KiB`);
    console.log(`${file} cold load (median of ${RUNS}): ${times[Math.floor(RUNS / 2)]} ms  [${times.join(", ")}]`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
