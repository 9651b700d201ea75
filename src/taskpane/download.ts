/** The browser's way to hand a file to the user: a Blob behind a temporary link with a download name. */
import type { PaneFiles } from "./word";

export const browserFiles: PaneFiles = {
  save(name, bytes, mime) {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.rel = "noopener";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
