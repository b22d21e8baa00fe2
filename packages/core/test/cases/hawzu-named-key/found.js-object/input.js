import { HawzuClient } from "./hawzu-client.js";

const client = new HawzuClient({
  baseUrl: "https://api.hawzu.com/api/v1",
  hawzuToken: 'ZmJhc4xFhUGu7WMpdu0n6qWAZ1Vi',
  workspaceId: "ws_001",
});

export default client;
