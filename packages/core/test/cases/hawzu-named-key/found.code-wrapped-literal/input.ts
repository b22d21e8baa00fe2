// Literals that code wraps: parentheses, comments, casts and assertions between the key and the value.
const hawzuToken = ("rzB1K4sMx5JURDbeamwZyHjliJeXJpSIG0f0");
const hawzuApiToken = /* production */ "26M7LcSkGFbK7oqDlcLInEl1oiIOGGACjGcC";
const HAWZU_TOKEN: string = /* rotated 2026-11 */ ("4JUG9uAbzLM58dvlzppWxJW85RKTjrXp3l2p");
const hawzuAccessToken = <string>"dI4YTHRu3kowQ2hZAPfWq6SBYARDJtJJlKm8";
const hawzuSecret = String.raw`4tWmroqtBDBXQ6R43WpLU4simgYRV9CZvB5t`;
