/** The package version, written into results.json so saved results say what produced them. */
export const VERSION = '0.1.0';
