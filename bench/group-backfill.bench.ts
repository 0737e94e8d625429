/**
 * Group backfill benchmark: 20,000 customers and 100,000 orders in a fresh
 * database; one automatic group per rule (e-mail domain, order count, amount
 * spent), one full re-evaluation of each, in batches.
 */
import type { BackfillRun } from "./group-backfill.exec"
import { medusa, withBenchDatabase, exited } from "./lib/app"

export type GroupBackfillSize = {
  customers: number
  orders: number
  /** V8's old-space limit of the run, when capped (MB). */
  heap_cap_mb: number | null
  runs: BackfillRun[]
}

/**
 * The same bench at two sizes (5 orders per customer), and the larger one
 * again with V8's old space capped: memory must not grow with the customer
 * count. Uncapped, V8 lets garbage pile up while it has headroom; capped,
 * the run must still finish, which it cannot if batches keep what they load.
 */
export type GroupBackfillBenchResult = GroupBackfillSize[]

const SIZES = [
  { customers: 5_000, orders: 25_000, heapCapMb: null },
  { customers: 20_000, orders: 100_000, heapCapMb: null },
  { customers: 20_000, orders: 100_000, heapCapMb: 320 },
]

export async function runGroupBackfillBench(): Promise<GroupBackfillBenchResult> {
  const results: GroupBackfillSize[] = []
  for (const size of SIZES) {
    results.push(await runSize(size.customers, size.orders, size.heapCapMb))
  }
  return results
}

function runSize(customers: number, orders: number, heapCapMb: number | null): Promise<GroupBackfillSize> {
  return withBenchDatabase(`cam_bench_groups_${customers}`, async (url) => {
    const child = medusa(
      ["exec", "./bench/group-backfill.exec.ts"],
      {
        DATABASE_URL: url,
        CAM_BENCH_CUSTOMERS: String(customers),
        CAM_BENCH_ORDERS: String(orders),
        NODE_OPTIONS: [process.env.NODE_OPTIONS, "--expose-gc", heapCapMb && `--max-old-space-size=${heapCapMb}`]
          .filter(Boolean)
          .join(" "),
      },
      "pipe"
    )
    let output = ""
    child.stdout?.on("data", (chunk) => (output += chunk))
    const code = await exited(child)
    const line = output.split("\n").find((l) => l.startsWith("CAM_BENCH "))
    if (code !== 0 || !line) {
      throw new Error(`group backfill bench failed (${code}): ${output.slice(-2000)}`)
    }
    return { ...(JSON.parse(line.slice("CAM_BENCH ".length)) as Omit<GroupBackfillSize, "heap_cap_mb">), heap_cap_mb: heapCapMb }
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
