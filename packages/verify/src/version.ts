/** This package's version, sent in the User-Agent; a test keeps it equal to package.json. */
export const VERSION = "0.1.0";

/** The User-Agent of every request: the tool and its version. */
export const USER_AGENT = `hawzu-scan/${VERSION}`;
