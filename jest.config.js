const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const TEST_MATCH = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
  setupFiles: ["./integration-tests/setup.js"],
  setupFilesAfterEnv:
    process.env.TEST_TYPE === "integration:http" ? ["./integration-tests/http/helpers/settle-deferred-work.ts"] : [],
  testMatch: TEST_MATCH[process.env.TEST_TYPE] ?? [
    ...TEST_MATCH.unit,
    ...TEST_MATCH["integration:modules"],
  ],
  testPathIgnorePatterns: [
    "/node_modules/",
    "<rootDir>/.medusa/",
    ...(process.env.TEST_TYPE === "integration:modules" ? ["\\.unit\\.spec\\."] : []),
  ],
}
