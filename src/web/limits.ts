/** The browser checker's early limits: how many files one choice may hold, and how large each may be. */
export const MAX_FILES = 50;
export const MAX_MB = 20;
