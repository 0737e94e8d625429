/**
 * Group backfill benchmark: 20,000 customers in a fresh database, one
 * automatic group matching half of them, one full re-evaluation in batches.
 */
import { medusa, withBenchDatabase, exited } from "./lib/app"

export type GroupBackfillBenchResult = {
  customers: number
  added: number
  seconds: number
  customers_per_second: number
  rss_mb: number
}

export async function runGroupBackfillBench(): Promise<GroupBackfillBenchResult> {
  return withBenchDatabase("cam_bench_groups", async (url) => {
    const child = medusa(["exec", "./bench/group-backfill.exec.ts"], { DATABASE_URL: url }, "pipe")
    let output = ""
    child.stdout?.on("data", (chunk) => (output += chunk))
    const code = await exited(child)
    const line = output.split("\n").find((l) => l.startsWith("CAM_BENCH "))
    if (code !== 0 || !line) {
      throw new Error(`group backfill bench failed (${code}): ${output.slice(-2000)}`)
    }
    return JSON.parse(line.slice("CAM_BENCH ".length)) as GroupBackfillBenchResult
  })
}

if (require.main === module) {
  runGroupBackfillBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`)
      process.exitCode = 1
    })
}
