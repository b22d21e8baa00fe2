import { HawzuClient } from "@acme/hawzu-client";

export const client = new HawzuClient({
  baseUrl: "https://api.hawzu.com",
  workspaceId: "ws_001",
  projectId: "proj_101",
  retries: 3,
  token: "FQmZbDMk0SdnqgOxvtbgQ25OdvkXcmo8",
});
