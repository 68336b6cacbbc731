/** The open-data file's name (build-scdl.ts), apart so that a build with nothing to write need not load the SCDL export. */
export const SCDL_FILE = 'deliberations.csv';
