// Scans every captured log of the run for secrets: the run's passwords (all
// carry one random marker), scrypt-kdf hashes (base64 of "scrypt") and JWTs.
import fs from "node:fs"
import path from "node:path"
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
function source(line) {
  if (line.includes("Attempting to send a notification")) return "notification-local (info log of the notification data)"
  return "other"
}

/**
 * @returns {{ files: number, lines: number, findings: { file, pattern, count, sources, sample }[] }}
 */
export function scanLogs(marker) {
  const patterns = [
    ["a password of this run", (line) => line.includes(marker)],
    ["a scrypt hash (c2NyeXB0)", (line) => line.includes("c2NyeXB0")],
    ["a JWT (eyJ)", (line) => line.includes("eyJ")],
  ]
  const files = fs.existsSync(ARTIFACTS) ? fs.readdirSync(ARTIFACTS).filter((f) => f.endsWith(".log")) : []
  const findings = []
  let lines = 0
  for (const file of files) {
    const text = fs.readFileSync(path.join(ARTIFACTS, file), "utf8").split("\n")
    lines += text.length
    for (const [pattern, test] of patterns) {
      const hits = text.filter(test)
      if (hits.length) {
        findings.push({
          file,
          pattern,
          count: hits.length,
          sources: [...new Set(hits.map(source))],
          sample: redact(hits[0], marker).slice(0, 300),
        })
      }
    }
  }
  return { files: files.length, lines, findings }
}
