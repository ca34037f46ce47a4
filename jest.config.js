/** Tests run TypeScript through swc (fast, with decorator metadata for type-graphql). */
const fs = require("node:fs");
const swcConfig = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, "utf8"));

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { ...swcConfig, swcrc: false }] },
  testTimeout: 60_000,
};
