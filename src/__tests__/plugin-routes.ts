import fs from "node:fs"
import path from "node:path"

/** The plugin's API folder. */
export const API_DIR = path.join(__dirname, "..", "api")

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

/** Every .ts file under `dir`, tests left out. */
export function apiFilesUnder(dir: string = API_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : apiFilesUnder(full)
    }
    return entry.name.endsWith(".ts") ? [full] : []
  })
}

/**
 * "METHOD /path/:param" for each handler a `route.ts` file under src/api
 * exports (folder `[id]` is `:id`), sorted: the routes the plugin defines,
 * for the specs that keep the docs and the fuzz spec in step with them.
 */
export function pluginRoutes(): string[] {
  return apiFilesUnder()
    .filter((file) => path.basename(file) === "route.ts")
    .flatMap((file) => {
      const urlPath =
        "/" +
        path
          .relative(API_DIR, path.dirname(file))
          .split(path.sep)
          .map((segment) => segment.replace(/^\[(\w+)\]$/, ":$1"))
          .join("/")
      const source = fs.readFileSync(file, "utf8")
      return METHODS.filter((method) =>
        new RegExp(`^export (const ${method}\\b|(async )?function ${method}\\b)`, "m").test(source)
      ).map((method) => `${method} ${urlPath}`)
    })
    .sort()
}
