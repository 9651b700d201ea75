 
/**
 * Builds the add-in (after OfficeDev/Office-Addin-TaskPane-React's webpack.config.js, style.md item 4):
 *
 *   npm run build                     production build of the add-in into dist/ (no network needed)
 *   BIEUMAU_BASE_URL=https://intranet.tinh.gov.vn/bieumau/ npm run build
 *                                     … with dist/manifest.xml pointing at that base URL (rewritten in one transform)
 *   npm start                         development build served over HTTPS on https://localhost:3000/ (scripts/start.js)
 *   npm run demo                      the task pane beside a simulated workbook, http://localhost:3001/ (env "demo")
 *
 * Entries: `taskpane` (React + Fluent UI), `commands` (the ribbon's function file: no React, only its own chunk and
 * Office.js), and with --env demo, `demo` (the pane + the in-memory fake Excel; no Office.js at all).
 *
 * Office.js: from Microsoft's CDN (https://appsforoffice.microsoft.com/lib/1/hosted/office.js) by default. The
 * @microsoft/office-js npm package says it is no longer supported for self-hosting and that add-ins should reference
 * the CDN (its README; https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn).
 * An office whose Excel reaches only its intranet can still ship a copy: BIEUMAU_OFFICE_JS=local copies the package's
 * files into dist/office-js/ (office.js, the Excel host files, es6-promise, the telemetry/error folders, every
 * locale's office_strings.js) at its own risk; BIEUMAU_OFFICE_JS=<url> points at any other copy.
 *
 * Production bundles are named by content hash (taskpane.3f2a9c1b.js), so a browser or Office's cache never mixes an
 * old chunk with a new page after an update; dist/ has no source maps (nothing of the source goes to the server).
 * taskpane.html starts with a tiny ES5 script (src/taskpane/legacy.js, texts in src/i18n/legacy.js) that shows a
 * Vietnamese page instead of a blank pane where Office runs add-ins in Internet Explorer 11 or the old Edge.
 */
const path = require("path");
const fs = require("fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/package.json")) + "/dist";

/** The base URL the add-in is hosted at, always ending in "/". */
function baseUrl(dev) {
  const raw = process.env.BIEUMAU_BASE_URL;
  if (!raw || dev) return DEV_URL;
  let url;
  try {
    url = new URL(raw.endsWith("/") ? raw : raw + "/");
  } catch {
    throw new Error(`BIEUMAU_BASE_URL không phải địa chỉ hợp lệ / is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`BIEUMAU_BASE_URL phải dùng https / must be https: ${raw}`);
  return url.href;
}

/** dist/manifest.xml: every development URL replaced by the production base URL (and AppDomain by its origin). */
function rewriteManifest(content, base) {
  const text = content.toString();
  if (base === DEV_URL) return text;
  const origin = new URL(base).origin;
  return text.split(DEV_URL).join(base).split(DEV_URL.replace(/\/$/, "")).join(origin);
}

function officeJsPatterns() {
  const locales = fs
    .readdirSync(OFFICE_JS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z]{2,3}-[a-z0-9]{2,4}$/.test(d.name))
    .map((d) => d.name);
  // info.minimized: Microsoft's files are already minified; copied as they are, not run through terser again.
  const copy = { context: OFFICE_JS_DIR, to: "office-js/", info: { minimized: true } };
  return [
    { ...copy, from: "{office,es6-promise,o15apptofilemappingtable}.js" },
    { ...copy, from: "excel*.js", globOptions: { ignore: ["**/*.debug.js"] } },
    { ...copy, from: "{ariatelemetry,agaveerrorux}/**/*", globOptions: { ignore: ["**/*.debug.js"] }, noErrorOnMissing: true },
    ...locales.map((l) => ({ ...copy, from: `${l}/office_strings.js`, to: `office-js/${l}/`, noErrorOnMissing: true })),
  ];
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    // Type checking is `npm run typecheck`'s job; here ES modules so webpack can drop unused exports.
    options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: true } },
  },
};

function commonConfig(dev) {
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : false,
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [tsRule] },
    performance: { hints: false },
    stats: "errors-warnings",
  };
}

/**
 * dist/kiem-tra.html: the browser checker (src/web) as one self-contained page. Its bundle is inlined into the HTML
 * (then dropped from dist/), so opening the file from a disk or a share loads nothing else: no request beyond the
 * page's own file. The CLI's reader and writer need Node's Buffer (the `buffer` package) and never touch fs/path here.
 */
function webCheckerConfig(dev, outDir) {
  const webpack = require("webpack");
  // A bundle's text, safe inside a script block ("</script" in a string would end the block).
  const scriptText = (compilation, f) => compilation.assets[f].source().toString().replace(/<\/script/gi, "<\\/script");
  const inline = (compilation, files) => files.map((f) => `<script>${scriptText(compilation, f)}</script>`).join("\n");
  // The worker's bundle, in a script block the browser does not run (src/web/checker.ts starts it as a Worker).
  const worker = (compilation) =>
    Object.keys(compilation.assets)
      .filter((f) => /^kiem-tra-worker\..*\.js$/.test(f))
      .map((f) => `<script type="text/plain" id="kiem-tra-worker">${scriptText(compilation, f)}</script>`)
      .join("\n");
  // Lazy chunks (exceljs, loaded only for a download) stay in the page, deflated and base64-encoded in a script block
  // the browser does not run; src/web/chunks.ts inflates and runs one when the code asks for it.
  const lazy = (compilation, files) =>
    Object.keys(compilation.assets)
      .filter((f) => /^kiem-tra-chunk\..*\.js$/.test(f) && !files.includes(f))
      .map((f) => {
        const packed = require("zlib").deflateRawSync(Buffer.from(compilation.assets[f].source().toString()), { level: 9 }).toString("base64");
        return `<script type="application/x-deflate-base64" data-chunk="${f}">${packed}</script>`;
      })
      .join("\n");
  return {
    ...commonConfig(dev),
    devtool: false,
    name: "kiem-tra",
    // The worker (./src/web/worker.ts) is its own entry: inlined as a script block the page starts from a blob: URL.
    entry: { "kiem-tra": "./src/web/index.ts", "kiem-tra-worker": "./src/web/worker.ts" },
    // publicPath "": the page's scripts are inline (no src to find "auto" from); chunks are looked up by file name.
    output: { path: outDir, filename: "[name].[contenthash:8].js", chunkFilename: "kiem-tra-chunk.[name].[contenthash:8].js", publicPath: "", clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"], fallback: { fs: false, path: false, stream: false, crypto: false } },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new HtmlWebpackPlugin({
        filename: "kiem-tra.html",
        inject: false,
        minify: false,
        chunks: ["kiem-tra"],
        templateContent: ({ compilation, htmlWebpackPlugin }) =>
          fs
            .readFileSync(path.join(__dirname, "src/web/kiem-tra.html"), "utf8")
            .replace("</body>", () => `${lazy(compilation, htmlWebpackPlugin.files.js)}\n${worker(compilation)}\n${inline(compilation, htmlWebpackPlugin.files.js)}\n  </body>`),
      }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("inline-kiem-tra", (compilation) =>
            compilation.hooks.processAssets.tap({ name: "inline-kiem-tra", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
              for (const name of Object.keys(compilation.assets)) if (/^kiem-tra(-chunk|-worker)?\..*\.js(\.LICENSE\.txt)?$/.test(name)) compilation.deleteAsset(name);
            }),
          );
        },
      },
    ],
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  if (env.web) return webCheckerConfig(dev, path.resolve(__dirname, env.out || "dist"));

  if (env.demo) {
    return {
      ...commonConfig(dev),
      entry: { demo: "./src/demo/index.tsx" },
      output: { path: path.resolve(__dirname, env.out || "dist-demo"), filename: "[name].js", clean: true },
      plugins: [
        new HtmlWebpackPlugin({ filename: "index.html", template: "./src/demo/demo.html", chunks: ["demo"] }),
        new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
      ],
      devServer: {
        host: "127.0.0.1",
        port: Number(process.env.BIEUMAU_DEMO_PORT) || 3001,
        hot: false,
        static: false,
        client: { overlay: { warnings: false } },
      },
    };
  }

  const base = baseUrl(dev);
  const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  const officeJsSetting = process.env.BIEUMAU_OFFICE_JS || OFFICE_CDN;
  const officeJs = officeJsSetting === "local" ? "office-js/office.js" : officeJsSetting;
  // The ES5 guard runs before anything else on the pane's page (inlined: no extra request, nothing to cache).
  const legacyScript = ["src/i18n/legacy.js", "src/taskpane/legacy.js"].map((f) => fs.readFileSync(path.join(__dirname, f), "utf8")).join("\n");
  if (!dev && base === DEV_URL)
    console.warn(
      "⚠ BIEUMAU_BASE_URL chưa đặt: dist/manifest.xml vẫn trỏ tới https://localhost:3000/ (set BIEUMAU_BASE_URL to your HTTPS server)",
    );

  const addin = {
    ...commonConfig(dev),
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    // The browser checker writes dist/kiem-tra.html in the same build: cleaning must not take it away.
    output: { path: path.resolve(__dirname, "dist"), filename: dev ? "[name].js" : "[name].[contenthash:8].js", clean: { keep: /^kiem-tra\.html$/ } },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content, base) },
          ...(officeJs.startsWith("office-js/") ? officeJsPatterns() : []),
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJs,
        legacyScript,
      }),
      // Lean command page: Office.js and the commands chunk only, no React.
      new HtmlWebpackPlugin({
        filename: "commands.html",
        chunks: ["commands"],
        templateContent: `<!doctype html><html lang="vi"><head><meta charset="UTF-8" /><title>Biểu mẫu CCHC</title>
<script type="text/javascript" src="${officeJs}"></script></head><body></body></html>`,
      }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/taskpane/help.html", chunks: [] }),
      // The ribbon command's last resort when nothing in the workbook can be written (src/excel/dialog.ts).
      new HtmlWebpackPlugin({ filename: "notice.html", template: "./src/commands/notice.html", chunks: [], inject: false }),
    ],
    devServer: {
      host: "localhost",
      port: 3000,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: await httpsServer(env),
      client: { overlay: { warnings: false } },
    },
  };
  // `npm run build` also writes dist/kiem-tra.html (the dev server serves the add-in only).
  return dev ? addin : [addin, webCheckerConfig(dev, addin.output.path)];
};

/**
 * HTTPS for the dev server: office-addin-dev-certs' certificate (trusted by Office once installed). Where it cannot
 * be created or installed (no admin rights, a Linux box without a trust store), webpack-dev-server's own
 * self-signed certificate: the browser then asks once to accept it.
 */
async function httpsServer(env) {
  if (!env.WEBPACK_SERVE) return "https";
  try {
    const devCerts = require("office-addin-dev-certs");
    const o = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: o.ca, key: o.key, cert: o.cert } };
  } catch (e) {
    console.warn(
      `⚠ Không tạo được chứng chỉ office-addin-dev-certs (${e && e.message ? e.message : e}); dùng chứng chỉ tự ký của webpack-dev-server.\n` +
        "  Could not create the office-addin-dev-certs certificate; using webpack-dev-server's self-signed one. Open https://localhost:3000/taskpane.html once and accept it.",
    );
    return "https";
  }
}
