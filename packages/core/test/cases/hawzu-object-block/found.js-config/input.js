module.exports = {
  testDir: "tests",
  hawzu: {
    project: "proj_101",
    apiKey: "KexIx2h8zl2eaAq2LCwvyawpCUCR6z3HsXcIC8Dh",
  },
};
