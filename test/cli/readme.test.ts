/**
 * The README's command lines run as written on a fresh clone: each `npx bieumau …` line of its command-line block
 * (through the same `run` bin/bieumau.js calls), each shell line (mkdir, cp) through the shell, in a fresh folder
 * holding only what the repository ships.
 */
import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { cli, tempDir } from "./helpers";

const ROOT = join(__dirname, "..", "..");

/** Splits a shell line into words: double and single quotes kept together, a trailing "# comment" dropped. */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(#.*$)|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? m[2] ?? m[4]);
  }
  return out;
}

function commandBlock(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### On the command line"));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error("README: no ```sh block under “On the command line”");
  return block[1].split("\n").filter((l) => l.trim() !== "");
}

describe("README command lines", () => {
  it("every line runs as written, and the files they name are there afterwards", async () => {
    const { dir, cleanup } = tempDir("bieumau-readme-");
    try {
      // What a fresh clone has: the sample shipped in the repository.
      const sample = "test/fixtures/samples/quang-tri-2024-6t.tsv";
      mkdirSync(join(dir, "test/fixtures/samples"), { recursive: true });
      copyFileSync(join(ROOT, sample), join(dir, sample));
      const lines = commandBlock();
      expect(lines.filter((l) => l.startsWith("npx bieumau ")).length).toBeGreaterThanOrEqual(6);
      for (const line of lines) {
        if (!line.startsWith("npx bieumau ")) {
          execFileSync("sh", ["-c", line], { cwd: dir });
          continue;
        }
        const args = words(line).slice(2);
        const r = await cli(args, dir);
        // 0 or 1 (errors found in the sample) — never 2, which is misuse or an unreadable file.
        if (r.code === 2) throw new Error(`README line failed (exit 2): ${line}\n${r.stderr}`);
        expect(r.stderr).not.toMatch(/unknown option|error:/i);
        const out = args.indexOf("-o") >= 0 ? args[args.indexOf("-o") + 1] : args.indexOf("--write") >= 0 ? args[args.indexOf("--write") + 1] : null;
        if (out) expect(existsSync(join(dir, out))).toBe(true);
      }
      expect(existsSync(join(dir, "tong-hop.xlsx"))).toBe(true);
    } finally {
      cleanup();
    }
  }, 120000);
});
