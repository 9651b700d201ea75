/**
 * Whether an output path reaches an input: by device and inode (through any symlinked folder, symlink or hard link),
 * never by comparing path strings. An output that does not exist yet cannot be an input.
 */
import { promises as fs } from "fs";

export type FileIds = ReadonlySet<string>;

async function idOf(path: string): Promise<string | null> {
  const st = await fs.stat(path).catch(() => null);
  return st ? `${st.dev}:${st.ino}` : null;
}

/** The identities of the inputs that exist (stat follows symlinks: a link and its target are one file). */
export async function fileIds(paths: readonly string[]): Promise<FileIds> {
  const ids = new Set<string>();
  for (const p of paths) {
    const id = await idOf(p);
    if (id) ids.add(id);
  }
  return ids;
}

/** True when writing `target` would replace one of the files in `ids`. */
export async function reachesInput(target: string, ids: FileIds): Promise<boolean> {
  const id = await idOf(target);
  return id !== null && ids.has(id);
}
