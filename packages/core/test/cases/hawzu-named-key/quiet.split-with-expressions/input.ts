// Parts joined with expressions or short literals only: nothing to report.
const hawzuToken = "eqOfpFlB1Q2V" + process.env.HAWZU_TOKEN_SUFFIX;
const HAWZU_TOKEN_HEADER = "Bearer " + token;
const hawzuTokenPath = "/api/v1" + "/tokens";
