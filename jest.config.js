/** Tests run TypeScript through swc (fast, with decorator metadata for type-graphql). */
const fs = require("node:fs");
const os = require("node:os");
const swcConfig = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, "utf8"));

module.exports = {
  testEnvironment: "node",
  // At least two test files at once, even on two cores (jest's default there is one): the tests
  // spend much of their time waiting on databases and servers. On CI's two cores the embedded
  // suite took 708 s instead of ~1,200, the PostgreSQL server's 325 s instead of ~430.
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { ...swcConfig, swcrc: false }] },
  testTimeout: 60_000,
};
