// Its own module, so what names standard input (a baseline does) need not load the stdin reader.
/** How findings and baseline entries name standard input. */
export const STDIN_NAME = "<stdin>";
