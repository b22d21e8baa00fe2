// Wrapped expressions, not literals: nothing to report.
const hawzuToken = (process.env.HAWZU_TOKEN);
const hawzuApiToken = /* from the vault */ readSecret("hawzu");
const HAWZU_TOKEN: string = <string>config.hawzu.token;
const hawzuSecret = (string) => string.trim();
