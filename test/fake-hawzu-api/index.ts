export { startFakeHawzuApi, type FakeHawzuApi, type FakeHawzuApiOptions, type RecordedRequest } from "./start-fake-hawzu-api.js";
export { intermittentServerError, liveProjectToken, liveWorkspaceToken, rateLimitedFirst, type Behaviour } from "./behaviours.js";
