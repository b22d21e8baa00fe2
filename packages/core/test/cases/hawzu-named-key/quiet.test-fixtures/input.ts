describe("HawzuClient", () => {
  it("sends the token", async () => {
    const hawzuToken = "test-token-for-unit-tests";
    const client = new HawzuClient({ token: "hzt_test_0000000000000000000" });
    process.env.HAWZU_TOKEN = "fake-hawzu-token-value";
  });
});
