const client = new HawzuClient(process.env.HAWZU_TOKEN!, "ws_001");
const project = hawzu.project("e3380eab-50e7-464e-adcc-09410edcb78c");
const runs = hawzuApi.get("/api/v1/workspace/ws_001/project/proj_101/testruns");
const run = getHawzuRun("7473c86e27f36fad51ddbd092bd646e5b1a25795");
