/**
 * `npm run bench`: runs every benchmark of the project in one process and
 * prints one table with the machine it ran on. No timing is asserted here or
 * in tests; targets are printed next to the measured figures.
 */
import os from "node:os"
import { runGroupBackfillBench } from "./group-backfill.bench"
import { runLoginGuardBench } from "./login-guard.bench"
import { runNotesListBench } from "./notes-list.bench"
import { runPasswordPolicyBench } from "./password-policy.bench"

type Row = { benchmark: string; figure: string; target: string }

async function main(): Promise<void> {
  const rows: Row[] = []

  const policy = await runPasswordPolicyBench()
  rows.push({
    benchmark: `password policy, ${policy.n} varied passwords (8-128 chars)`,
    figure: `p50 ${policy.p50_ms.toFixed(2)} ms, p95 ${policy.p95_ms.toFixed(2)} ms, max ${policy.max_ms.toFixed(1)} ms`,
    target: "p95 <= 5 ms",
  })

  const login = await runLoginGuardBench()
  rows.push({
    benchmark: "successful login, guard on / guard off (median of 200 each)",
    figure: `ratio ${login.success_ratio.toFixed(3)} (${login.success_with_guard_ms.toFixed(1)} ms / ${login.success_without_guard_ms.toFixed(1)} ms)`,
    target: "<= 1.03",
  })
  rows.push({
    benchmark: "refused (locked) attempt / wrong-password attempt (median of 200 each)",
    figure: `ratio ${login.refused_ratio.toFixed(3)} (${login.refused_ms.toFixed(1)} ms / ${login.wrong_password_ms.toFixed(1)} ms)`,
    target: "<= 0.05",
  })

  rows.push({
    benchmark: "Back Office login (/auth/user/emailpass), guard on / guard off (median of 200 each)",
    figure: `ratio ${login.admin_ratio.toFixed(3)} (${login.admin_with_guard_ms.toFixed(1)} ms / ${login.admin_without_guard_ms.toFixed(1)} ms)`,
    target: "<= 1.03",
  })
  rows.push({
    benchmark: "reset request: existing account / unknown e-mail (median of 200 each)",
    figure: `ratio ${login.reset_ratio.toFixed(3)} (${login.reset_existing_ms.toFixed(1)} ms / ${login.reset_unknown_ms.toFixed(1)} ms)`,
    target: "0.9-1.1 (no timing oracle)",
  })
  rows.push({
    benchmark: "wrong password: unknown e-mail / existing account (median of 200 each, interleaved)",
    figure: `ratio ${login.unknown_vs_known_ratio.toFixed(2)} (${login.unknown_email_ms.toFixed(1)} ms / ${(login.unknown_email_ms / login.unknown_vs_known_ratio).toFixed(1)} ms)`,
    target: "~1.0 (no timing oracle)",
  })

  const notes = await runNotesListBench()
  rows.push({
    benchmark: `admin notes list, first page: customer with ${notes.big_customer_notes.toLocaleString("en")} notes (${notes.total_notes.toLocaleString("en")} in all), 200 requests`,
    figure: `p50 ${notes.big_p50_ms.toFixed(1)} ms, p95 ${notes.big_p95_ms.toFixed(1)} ms; page at offset 9,000 p95 ${notes.deep_page_p95_ms.toFixed(1)} ms`,
    target: "p95 <= 100 ms",
  })
  rows.push({
    benchmark: "admin notes list p95: customer with 10,000 notes / customer with 10 (interleaved)",
    figure: `ratio ${notes.p95_ratio.toFixed(2)} (${notes.big_p95_ms.toFixed(1)} ms / ${notes.small_p95_ms.toFixed(1)} ms)`,
    target: "~1 (cost independent of note count)",
  })

  const groupSizes = await runGroupBackfillBench()
  for (const size of groupSizes) {
    for (const run of size.runs) {
      rows.push({
        benchmark: `group backfill, ${size.customers.toLocaleString("en")} customers / ${size.orders.toLocaleString("en")} orders${size.heap_cap_mb ? `, old space capped at ${size.heap_cap_mb} MB` : ""}, ${run.rule} (${run.added.toLocaleString("en")} added)`,
        figure:
          `${run.customers_per_second.toFixed(0)} customers/s (${run.seconds.toFixed(1)} s); ` +
          `JS heap ${run.heap_before_mb.toFixed(0)} MB before, +${(run.heap_peak_mb - run.heap_before_mb).toFixed(0)} MB at peak (garbage not yet collected), ` +
          `${run.heap_after_gc_mb.toFixed(0)} MB after a full GC; RSS peak ${run.rss_peak_mb.toFixed(0)} MB`,
        target: ">= 2,000 customers/s; memory flat in customer count",
      })
    }
  }


  const cpu = os.cpus()[0]?.model ?? "unknown CPU"
  process.stdout.write(
    `\nMachine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}\n\n`
  )
  const width = Math.max(...rows.map((row) => row.benchmark.length))
  for (const row of rows) {
    process.stdout.write(`${row.benchmark.padEnd(width)}  ${row.figure}  (target ${row.target})\n`)
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exitCode = 1
})
