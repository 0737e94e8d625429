/**
 * `npm run bench`: runs every benchmark of the project in one process and
 * prints one table with the machine it ran on. No timing is asserted here or
 * in tests; targets are printed next to the measured figures.
 */
import os from "node:os"
import { runAccountActivityBench } from "./account-activity.bench"
import { runAttemptLogBench } from "./attempt-log.bench"
import { runBreachedPasswordsBench } from "./breached-passwords.bench"
import { runFollowUpBench } from "./follow-up.bench"
import { runGroupBackfillBench } from "./group-backfill.bench"
import { runLoginGuardBench } from "./login-guard.bench"
import { runNotesListBench } from "./notes-list.bench"
import { runPasswordPolicyBench } from "./password-policy.bench"
import { runSessionCheckBench } from "./session-check.bench"

type Row = { benchmark: string; figure: string; target: string }

async function main(): Promise<void> {
  const rows: Row[] = []

  const policy = await runPasswordPolicyBench()
  rows.push({
    benchmark: `password policy, ${policy.n} varied passwords (8-128 chars)`,
    figure: `p50 ${policy.p50_ms.toFixed(2)} ms, p95 ${policy.p95_ms.toFixed(2)} ms, max ${policy.max_ms.toFixed(1)} ms`,
    target: "p95 <= 5 ms",
  })

  const breached = await runBreachedPasswordsBench()
  const p = (figures: { p50_ms: number; p95_ms: number }) => `p50 ${figures.p50_ms.toFixed(2)} / p95 ${figures.p95_ms.toFixed(2)} ms`
  rows.push({
    benchmark: `policy check with breach screening, warm cache / off (${breached.n} passwords, interleaved)`,
    figure: `warm ${p(breached.warm)}, off ${p(breached.off)}, p95 ratio ${breached.warm_p95_ratio.toFixed(3)}`,
    target: "warm p95 <= 5 ms",
  })
  rows.push({
    benchmark: "policy check with breach screening, cold cache (range server on localhost) vs one round trip",
    figure: `cold ${p(breached.cold)}, round trip ${p(breached.round_trip)}`,
    target: "cold - off <= one round trip",
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

  const followUp = await runFollowUpBench()
  const both = (a: { p50_ms: number; p95_ms: number }, b: { p50_ms: number; p95_ms: number }) =>
    `p50 ${a.p50_ms.toFixed(1)} / ${b.p50_ms.toFixed(1)} ms, p95 ${a.p95_ms.toFixed(1)} / ${b.p95_ms.toFixed(1)} ms`
  rows.push({
    benchmark: `follow-up request after a reset request: existing account / unknown e-mail (${followUp.rounds} rounds each, interleaved)`,
    figure: `ratio ${followUp.reset.ratio.toFixed(3)} (${both(followUp.reset.known, followUp.reset.unknown)})`,
    target: "0.9-1.1 (background work tells nothing)",
  })
  rows.push({
    benchmark: `follow-up request after an address change: free address / taken address (${followUp.rounds} rounds each, interleaved)`,
    figure: `ratio ${followUp.email_change.ratio.toFixed(3)} (${both(followUp.email_change.free, followUp.email_change.taken)})`,
    target: "0.9-1.1 (background work tells nothing)",
  })

  const sessions = await runSessionCheckBench()
  const side = (timing: typeof sessions.on) =>
    `p50 ${timing.client.p50_ms.toFixed(2)} ms, p95 ${timing.client.p95_ms.toFixed(2)} ms (server p50 ${timing.server.p50_ms.toFixed(2)} ms)`
  rows.push({
    benchmark: `GET /store/customers/me with a bearer token, session registry on / off (${sessions.rounds.toLocaleString("en")} rounds, interleaved on three servers)`,
    figure:
      `ratio ${sessions.ratio.toFixed(3)}${sessions.meets_target ? " (met)" : " (missed)"}; on ${side(sessions.on)}; off ${side(sessions.off)}; ` +
      `server p50 ratio ${sessions.server_ratio.toFixed(3)}; median pair difference ${sessions.pair_difference_ms >= 0 ? "+" : ""}${sessions.pair_difference_ms.toFixed(2)} ms; ` +
      `control (off / a second off server) ${sessions.control_ratio.toFixed(3)}`,
    target: `p50 ratio <= ${sessions.target_ratio}`,
  })
  const registry = sessions.registry
  const growth = (before: typeof registry.before, after: typeof registry.before) =>
    `sessions ${before.sessions} -> ${after.sessions}, tokens ${before.tokens} -> ${after.tokens}`
  rows.push({
    benchmark: `session registry after ${registry.requests.toLocaleString("en")} requests with one token (${registry.seconds.toFixed(0)} s)`,
    figure:
      `identity: ${growth(registry.before, registry.after)} (whole tables: ${growth(registry.tables_before, registry.tables_after)}); ` +
      `the token's session holds ${registry.token_session_tokens} token(s); last_seen_at written ${registry.last_seen_writes}x (allowed ${registry.last_seen_writes_allowed}), ${registry.last_seen_during_measured} during the measured requests`,
    target: "rows grow with sessions, not requests; last_seen_at <= 1 write/min",
  })
  const pieces = sessions.pieces
  const p50p95 = (t: typeof pieces.select_one) => `p50 ${t.p50_ms.toFixed(3)} ms, p95 ${t.p95_ms.toFixed(3)} ms`
  rows.push({
    benchmark: "session gate's pieces, timed in the bench process: check statement through knex / select 1 / JWT verify + hash",
    figure: `${p50p95(pieces.check_statement)} / ${p50p95(pieces.select_one)} / ${p50p95(pieces.jwt_verify_and_hash)}`,
    target: "reference: where the pair difference goes",
  })
  const logins = sessions.logins
  rows.push({
    benchmark: "session registry: logins on the registry's server, one per second / back to back; one with the registry off",
    figure:
      `${logins.spaced} logins (${logins.spaced_distinct_tokens} tokens): +${logins.spaced_sessions_added} sessions, +${logins.spaced_tokens_added} tokens; ` +
      `${logins.burst} back to back (${logins.burst_distinct_tokens} distinct tokens): +${logins.burst_sessions_added} sessions; registry off: +${logins.off_server_sessions_added}`,
    target: "one session per login (per distinct token)",
  })

  const attempts = await runAttemptLogBench()
  rows.push({
    benchmark: `attempt log: replay of ${attempts.replayed.toLocaleString("en")} refused attempts on one account from 1,000 IPs over 10 minutes`,
    figure:
      `rows ${attempts.rows_after.toLocaleString("en")} (one row per attempt: ${attempts.rows_plain.toLocaleString("en")}), ` +
      `${(attempts.bytes_after / 1e6).toFixed(1)} MB (${(attempts.bytes_plain / 1e6).toFixed(1)} MB); ` +
      `admin attempts page after it p95 ${attempts.page_p95_ms.toFixed(1)} ms`,
    target: "rows grow with identifiers x IPs x minutes, not attempts; page p95 <= 20 ms",
  })
  rows.push({
    benchmark: "attempt log: writing one refused attempt, aggregating upsert / plain insert (written after the answer)",
    figure:
      `new minute's row p50 ${attempts.upsert_p50_ms.toFixed(2)} / ${attempts.insert_p50_ms.toFixed(2)} ms (ratio ${attempts.cost_ratio.toFixed(2)}); ` +
      `whole replay ${(attempts.replay_ms / 1000).toFixed(1)} / ${(attempts.plain_replay_ms / 1000).toFixed(1)} s (ratio ${attempts.replay_ratio.toFixed(2)})`,
    target: "reference: the refused answer itself is the row above (refused / wrong password)",
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

  const activity = await runAccountActivityBench()
  const ms = (value: number) => `${value.toFixed(1)} ms`
  const mb = (value: number) => `${value.toFixed(0)} MB`
  /** The scan under the count's aggregate, without the index name. */
  const scan = (plan: typeof activity.plans.admin.count) => (plan.plan.split(" > ")[1] ?? plan.plan).replace(/ using .*/, "")
  const pageRow = (label: string, page: typeof activity.admin, plans: typeof activity.plans.admin) => ({
    benchmark: `account activity, ${label} first page: customer with ${activity.customer_entries.toLocaleString("en")} entries (${activity.total_entries.toLocaleString("en")} in all), ${activity.requests} requests`,
    figure:
      `server p50 ${ms(page.server.p50_ms)}, p95 ${ms(page.server.p95_ms)}; ` +
      `client p50 ${ms(page.client.p50_ms)}, p95 ${ms(page.client.p95_ms)}; ` +
      `module call alone p50 ${ms(page.module.p50_ms)}, p95 ${ms(page.module.p95_ms)}; ` +
      `SQL: page ${plans.page.execution_ms.toFixed(2)} ms, count of ${page.count.toLocaleString("en")} ${ms(plans.count.execution_ms)} ` +
      `(${scan(plans.count)}, ${plans.count.pages.toLocaleString("en")} pages)`,
    target: "server p95 <= 20 ms",
  })
  rows.push(pageRow("admin timeline", activity.admin, activity.plans.admin))
  rows.push(pageRow("admin timeline kind=security", activity.admin_security, activity.plans.admin_security))
  rows.push(pageRow("store timeline (me)", activity.store, activity.plans.store))
  rows.push({
    benchmark: "account activity, Medusa's customer routes read by id, interleaved with the pages (server side)",
    figure:
      `admin p50 ${ms(activity.admin_baseline.server.p50_ms)}, p95 ${ms(activity.admin_baseline.server.p95_ms)}; ` +
      `store p50 ${ms(activity.store_baseline.server.p50_ms)}, p95 ${ms(activity.store_baseline.server.p95_ms)}`,
    target: "reference: the pipeline alone",
  })
  const noteTiming = (label: string, timing: typeof activity.notes.spaced) =>
    `${label} ${timing.ratio.toFixed(3)} (${ms(timing.with_recording_ms)} / ${ms(timing.without_recording_ms)}, ${timing.difference_ms >= 0 ? "+" : ""}${timing.difference_ms.toFixed(1)} ms)`
  rows.push({
    benchmark: `account activity, POST /admin/customers/:id/notes, subscriber on / off (median of ${activity.notes.requests} each, interleaved on two servers)`,
    figure:
      `${noteTiming("spaced: client", activity.notes.spaced)}, ${noteTiming("server", activity.notes.spaced_server)}; ` +
      `${noteTiming("back to back: client", activity.notes.back_to_back)}`,
    target: "spaced: <= +2 ms (recorded after the answer)",
  })
  rows.push({
    benchmark: "account activity, recording one note event in-process (after the answer)",
    figure:
      `module recordActivities p50 ${ms(activity.notes.record_module_call.p50_ms)}, p95 ${ms(activity.notes.record_module_call.p95_ms)}; ` +
      `whole subscriber p50 ${ms(activity.notes.record_subscriber.p50_ms)}, p95 ${ms(activity.notes.record_subscriber.p95_ms)}`,
    target: "reference: work moved off the request",
  })
  const retention = activity.retention
  rows.push({
    benchmark: `account activity, pruneExpired() (${retention.retention_days} days) over ${retention.before.rows.toLocaleString("en")} entries, ${retention.expired_before.toLocaleString("en")} expired`,
    figure:
      `removed ${retention.removed.toLocaleString("en")} in ${retention.prune_seconds.toFixed(2)} s (${retention.rows_per_second.toFixed(0)} rows/s); ` +
      `a day's expiry (${retention.daily_removed.toLocaleString("en")}) in ${ms(retention.daily_prune_ms)}`,
    target: "every expired entry removed",
  })
  const sizeOf = (s: typeof retention.before) => `${mb(s.total_mb)} (heap ${mb(s.heap_mb)}, indexes ${mb(s.indexes_mb)})`
  rows.push({
    benchmark: "account activity, table + indexes: before prune / after / after VACUUM (2 passes) / after as many new entries",
    figure: `${sizeOf(retention.before)} / ${sizeOf(retention.after_prune)} / ${sizeOf(retention.after_vacuum)} / ${sizeOf(retention.after_refill)}`,
    target: "bounded by retention",
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
