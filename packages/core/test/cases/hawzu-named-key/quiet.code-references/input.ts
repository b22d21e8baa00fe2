const hawzuToken = process.env.HAWZU_TOKEN;
const hawzuAccessToken = process.env.HAWZU_ACCESS_TOKEN!;
export const config = { hawzuToken: process.env.HAWZU_TOKEN ?? "", hawzuApiKey: settings.hawzu.apiKey };
const HAWZU_TOKEN = requireEnv("HAWZU_TOKEN");
