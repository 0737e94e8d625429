#!/usr/bin/env node
// `npm run bench`: every benchmark in one run, printed as one table.
import { spawn } from "node:child_process"
import path from "node:path"
import { ROOT } from "../tooling/database.mjs"

const child = spawn(
  path.join(ROOT, "node_modules", ".bin", "ts-node"),
  ["--transpile-only", path.join(ROOT, "bench", "run.ts")],
  { cwd: ROOT, stdio: "inherit", env: { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true" } }
)
child.on("exit", (code) => process.exit(code ?? 1))
