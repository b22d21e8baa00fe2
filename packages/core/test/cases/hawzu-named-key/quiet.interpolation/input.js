const header = `Bearer ${hawzuToken}`;
const hawzuToken = `${prefix}${suffix}`;
const HAWZU_TOKEN = "tok_" + randomPart;
