/** The unzip's limits, apart from the unzip itself so messages can name them without loading fflate. */
export interface ZipLimits {
  /** Inflated bytes of one part. */
  maxPartBytes: number;
  /** Inflated bytes of every part read from one package. */
  maxTotalBytes: number;
  maxEntries: number;
}

/** 50 MB a part: a form sheet is a few hundred kB; a 5000 × 60 read window of dense cells is about 25 MB of XML. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxPartBytes: 50 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntries: 20_000,
};

/** Largest input file a host reads (the CLI's regular files): a real report is under 1 MB. */
export const MAX_INPUT_FILE_BYTES = 100 * 1024 * 1024;
