#!/usr/bin/env node
/*
 * npm start: builds the add-in in development mode and serves it over HTTPS on https://localhost:3000/
 * (webpack-dev-server; certificate from office-addin-dev-certs, or a self-signed one where that fails, see
 * webpack.config.js). Where an Excel desktop app is installed (Windows, macOS) and the optional
 * office-addin-debugging package is present, the manifest is sideloaded into it. Otherwise the server keeps
 * running and this prints, in Vietnamese and English, how to sideload manifest.xml into Excel on the web.
 */
const { spawn } = require("child_process");
const { join } = require("path");

const root = join(__dirname, "..");
const webpackCli = require.resolve("webpack-cli/bin/cli.js");

function hasDebugging() {
  try {
    return require.resolve("office-addin-debugging/package.json") && true;
  } catch {
    return false;
  }
}

const desktop = process.platform === "win32" || process.platform === "darwin";
if (desktop && hasDebugging() && !process.argv.includes("--no-sideload")) {
  // office-addin-debugging starts the dev server itself (npm run dev-server) and sideloads into Excel.
  const pkgPath = require.resolve("office-addin-debugging/package.json", { paths: [root] });
  const pkg = require(pkgPath);
  const rel = typeof pkg.bin === "string" ? pkg.bin : pkg.bin["office-addin-debugging"];
  const bin = join(pkgPath, "..", rel);
  const child = spawn(process.execPath, [bin, "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", "npm run dev-server"], {
    cwd: root,
    stdio: "inherit",
  });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], { cwd: root, stdio: "inherit" });
  const why = !desktop
    ? "không có Excel trên máy này / no Excel desktop on this machine"
    : "chưa cài office-addin-debugging / office-addin-debugging is not installed";
  setTimeout(() => {
    console.log(`
────────────────────────────────────────────────────────────────────────────────
Biểu mẫu CCHC đang chạy tại https://localhost:3000/taskpane.html (${why}).

Nạp thử vào Excel trên web:
  1. Mở https://localhost:3000/taskpane.html một lần trong trình duyệt và chấp nhận chứng chỉ nếu được hỏi.
  2. Mở một sổ tính trong Excel trên web (office.com), chọn Trang đầu › Phần bổ trợ › Thêm phần bổ trợ
     (hoặc Chèn › Phần bổ trợ) › Tải lên phần bổ trợ của tôi, chọn tệp ${join(root, "manifest.xml")}.
  3. Nút "Biểu mẫu" và "Kiểm tra" xuất hiện trên thẻ Trang đầu.
Không có Excel? Chạy: npm run demo

Sideload into Excel on the web:
  1. Open https://localhost:3000/taskpane.html once in the browser and accept the certificate if asked.
  2. Open a workbook in Excel on the web (office.com), choose Home › Add-ins › More add-ins
     (or Insert › Add-ins) › Upload My Add-in, and pick ${join(root, "manifest.xml")}.
  3. The "Biểu mẫu" and "Kiểm tra" buttons appear on the Home tab.
No Excel at all? Run: npm run demo
────────────────────────────────────────────────────────────────────────────────`);
  }, 4000).unref();
  child.on("exit", (code) => process.exit(code ?? 0));
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
}
