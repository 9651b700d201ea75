/**
 * A minimal, structurally valid OLE compound file (CFB v3) holding empty streams with the given names. Excel saves a
 * password-protected .xlsx as a CFB with "EncryptionInfo" and "EncryptedPackage" streams, and a .xls as a CFB with a
 * "Workbook" stream; the reader tells them apart by those names, so this is enough to test that path without
 * committing binaries.
 */
export function compoundFile(streamNames: readonly string[]): Buffer {
  const SECTOR = 512;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // byte order
  header.writeUInt16LE(9, 30); // sector shift: 512
  header.writeUInt16LE(6, 32); // mini sector shift: 64
  header.writeUInt32LE(1, 44); // number of FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // first mini FAT sector
  header.writeUInt32LE(0, 64);
  header.writeUInt32LE(END, 68); // first DIFAT sector
  header.writeUInt32LE(0, 72);
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is the FAT
  fat.writeUInt32LE(END, 4); // sector 1 (directory) ends its chain

  const dir = Buffer.alloc(SECTOR);
  const entry = (i: number, name: string, type: number, child: number, right: number) => {
    const off = i * 128;
    const n = Buffer.from(`${name}\0`, "utf16le");
    n.copy(dir, off);
    dir.writeUInt16LE(n.length, off + 64);
    dir.writeUInt8(type, off + 66);
    dir.writeUInt8(1, off + 67); // black
    dir.writeUInt32LE(FREE, off + 68); // left sibling
    dir.writeUInt32LE(right, off + 72);
    dir.writeUInt32LE(child, off + 76);
    dir.writeUInt32LE(END, off + 116); // start sector (empty stream)
  };
  entry(0, "Root Entry", 5, streamNames.length ? 1 : FREE, FREE);
  const names = streamNames.slice(0, 3); // one directory sector holds four entries
  names.forEach((name, i) => entry(i + 1, name, 2, FREE, i + 1 < names.length ? i + 2 : FREE));
  return Buffer.concat([header, fat, dir]);
}
