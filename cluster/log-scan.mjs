// Scans every captured server log of the run with the test suite's secret
// scan (tooling/secret-scan.mjs): the run's passwords (all carry one
// random marker), scrypt-kdf hashes and JWTs. Findings are grouped per file
// and kind, with one redacted sample line.
import fs from "node:fs"
import path from "node:path"
import { scanLogs as scanFiles } from "../tooling/secret-scan.mjs"
import { ARTIFACTS } from "./lib.mjs"

const redact = (line, marker) =>
  line
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b\[[0-9;]*m/g, "")
    .replace(/eyJ[\w-]*(\.[\w-]*){0,2}/g, "<JWT>")
    .replace(/c2NyeXB0[\w+/=]*/g, "<scrypt hash>")
    .replaceAll(marker, "<password>")
    .replace(/<password>\S*/g, "<password>")

/** Where a leaking line comes from, when recognisable. */
const source = (line) =>
  line.includes("Attempting to send a notification") ? "notification-local (info log of the notification data)" : "other"

/**
 * @returns {{ files: number, lines: number, findings: { file, pattern, count, sources, sample }[] }}
 */
export function scanLogs(marker) {
  const files = fs.existsSync(ARTIFACTS)
    ? fs.readdirSync(ARTIFACTS).filter((f) => f.endsWith(".log")).map((f) => path.join(ARTIFACTS, f))
    : []
  const { hits, lines } = scanFiles(files, [marker])
  const groups = new Map()
  for (const hit of hits) {
    const pattern = hit.what.startsWith("password") ? "a password of this run" : hit.what
    const key = `${hit.file}\n${pattern}`
    const group = groups.get(key) ?? { file: path.basename(hit.file), pattern, count: 0, sources: new Set(), sample: "" }
    group.count += 1
    group.sources.add(source(hit.line))
    group.sample ||= redact(hit.line, marker).slice(0, 300)
    groups.set(key, group)
  }
  const findings = [...groups.values()].map((g) => ({ ...g, sources: [...g.sources] }))
  return { files: files.length, lines, findings }
}
