/**
 * The two pieces of fflate the unzip uses, re-exported so a bundler keeps only these: zip.ts loads this module at
 * its first use with `require`, which a bundler cannot trim (fflate whole is 32 KB of the page's script).
 */
export { Inflate, inflateSync } from "fflate";
