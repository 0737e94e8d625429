#!/usr/bin/env node
// `npm test`: typecheck, then unit, module and HTTP integration tests on a real
// PostgreSQL (system one when reachable, otherwise embedded). Prints one
// closing line `tests: N passed, N failed` and exits non-zero on any failure.
//
//   node scripts/test.mjs            all tiers
//   node scripts/test.mjs http       one tier (typecheck | unit | modules | http)
//   node scripts/test.mjs http notes extra args go to jest (a path filter)
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { resolveDatabase, ROOT } from "./lib/database.mjs"

const TIERS = {
  unit: "unit",
  modules: "integration:modules",
  http: "integration:http",
}
const [only, ...jestArgs] = process.argv.slice(2)
if (only && only !== "typecheck" && !TIERS[only]) {
  console.error(`Unknown tier "${only}". Use one of: typecheck, ${Object.keys(TIERS).join(", ")}`)
  process.exit(2)
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env })
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

const bin = (name) => path.join(ROOT, "node_modules", ".bin", name)
const cacheDir = path.join(ROOT, ".cache")
fs.mkdirSync(cacheDir, { recursive: true })

let passed = 0
let failed = 0
let exitCode = 0
let database

try {
  if (!only || only === "typecheck") {
    console.log("\n== typecheck ==")
    // Server code and tests (CommonJS), then the admin (Vite, ESM).
    const code =
      (await run(bin("tsc"), ["--noEmit", "-p", "tsconfig.check.json"], process.env)) ||
      (await run(bin("tsc"), ["--noEmit", "-p", "src/admin/tsconfig.json"], process.env))
    if (code !== 0) {
      exitCode = code
      failed += 1
      console.error("typecheck failed")
    } else {
      console.log("typecheck passed")
    }
  }

  const tiers = only ? (TIERS[only] ? [only] : []) : Object.keys(TIERS)
  if (tiers.some((tier) => tier !== "unit")) {
    database = await resolveDatabase({ name: "pg-test", port: 54329 })
  }
  for (const tier of tiers) {
    console.log(`\n== ${tier} tests ==`)
    const report = path.join(cacheDir, `jest-${tier}.json`)
    fs.rmSync(report, { force: true })
    const env = {
      ...process.env,
      TEST_TYPE: TIERS[tier],
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim(),
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
      ...(database && {
        DB_HOST: database.host,
        DB_PORT: String(database.port),
        DB_USERNAME: database.user,
        DB_PASSWORD: database.password,
      }),
    }
    const code = await run(
      bin("jest"),
      ["--runInBand", "--forceExit", "--json", `--outputFile=${report}`, ...jestArgs],
      env
    )
    if (fs.existsSync(report)) {
      const result = JSON.parse(fs.readFileSync(report, "utf8"))
      passed += result.numPassedTests
      failed += result.numFailedTests
      if (result.numTotalTests === 0) {
        console.error(`No ${tier} test ran`)
        exitCode ||= 1
      }
      // A suite that fails to load counts no failed test: count it here.
      failed += result.testResults.filter(
        (suite) => suite.status === "failed" && suite.assertionResults.length === 0
      ).length
    } else {
      failed += 1
    }
    if (code !== 0) {
      exitCode ||= code
    }
  }
} finally {
  await database?.stop()
}

console.log(`\ntests: ${passed} passed, ${failed} failed`)
process.exit(exitCode || (failed ? 1 : 0))
