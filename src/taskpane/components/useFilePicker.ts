import * as React from "react";

/**
 * A hidden file input behind a button: the chosen file's bytes and name go to `onBytes`. A file that cannot be read
 * reaches the reader as no bytes, which says so in the error bar; choosing the same file again fires again.
 */
export function useFilePicker(onBytes: (bytes: Uint8Array, name: string) => void): {
  input: React.RefObject<HTMLInputElement | null>;
  picked: (e: React.ChangeEvent<HTMLInputElement>) => void;
} {
  const input = React.useRef<HTMLInputElement>(null);
  const picked = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    void file.arrayBuffer().then(
      (buf) => onBytes(new Uint8Array(buf), file.name),
      () => onBytes(new Uint8Array(), file.name),
    );
  };
  return { input, picked };
}
