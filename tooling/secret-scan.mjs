// Finds secrets in captured logs: the passwords the test sources use, scrypt
// hashes as emailpass stores them, and JWTs (auth and reset tokens). A test
// run whose logs hold one of them fails: a log line must never carry a
// password, a hash or a token.
import fs from "node:fs"
import path from "node:path"

const PATTERNS = [
  { name: "scrypt password hash", regex: /c2NyeXB0[A-Za-z0-9+/=]{16,}/ },
  { name: "JWT (auth or reset token)", regex: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}/ },
]

function listFiles(dir, extensions) {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : listFiles(full, extensions)
    return extensions.some((ext) => entry.name.endsWith(ext)) ? [full] : []
  })
}

/**
 * The password literals of the given source folders: values assigned to
 * anything named like a password. Short or all-digit ones are left out, as
 * they would match innocent log text.
 */
export function collectPasswords(dirs) {
  const assignment = /[A-Za-z_]*password[A-Za-z_]*["']?\s*[:=]\s*(["'`])([^"'`\n]{8,})\1/gi
  const found = new Set()
  for (const file of dirs.flatMap((dir) => listFiles(dir, [".ts", ".mjs", ".js"]))) {
    for (const match of fs.readFileSync(file, "utf8").matchAll(assignment)) {
      const value = match[2]
      // Digits-only values and identifiers ("password_reset") match innocent text.
      if (!/^\d+$/.test(value) && !/^[a-z_.]+$/.test(value) && !value.includes("${") && !value.includes("{token}")) {
        found.add(value)
      }
    }
  }
  return [...found]
}

/**
 * Every line of `logFiles` that holds a password, a hash or a token, and how
 * many lines were read in all.
 */
export function scanLogs(logFiles, passwords) {
  const hits = []
  let lineCount = 0
  for (const file of logFiles) {
    if (!fs.existsSync(file)) continue
    const lines = fs.readFileSync(file, "utf8").split("\n")
    lineCount += lines.length
    lines.forEach((line, index) => {
      const password = passwords.find((p) => line.includes(p))
      const pattern = PATTERNS.find((p) => p.regex.test(line))
      if (password || pattern) {
        hits.push({
          file,
          where: `${path.basename(file)}:${index + 1}`,
          what: password ? `password "${password}"` : pattern.name,
          line,
        })
      }
    })
  }
  return { hits, lines: lineCount }
}
