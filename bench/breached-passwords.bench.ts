import {
  BreachedPasswordScreen,
  BREACHED_PASSWORDS_DEFAULTS,
  resolvePasswordPolicy,
  validatePassword,
  type PasswordContext,
} from "../src/lib/password-policy"
import { startFakeRangeServer } from "../integration-tests/fake-range-server"
import { generatePasswords } from "./password-policy.bench"
import { percentile } from "./lib/stats"

export interface BreachedPasswordsBenchResult {
  n: number
  off: { p50_ms: number; p95_ms: number }
  cold: { p50_ms: number; p95_ms: number }
  warm: { p50_ms: number; p95_ms: number }
  /** One range request on its own (the round trip the cold check adds). */
  round_trip: { p50_ms: number; p95_ms: number }
  warm_p95_ratio: number
}

const SAMPLE_SIZE = 300
const CONTEXT: PasswordContext = { email: "jane.doe@example.com", first_name: "Jane", last_name: "Doe" }

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6
const summary = (durations: number[]) => {
  const sorted = [...durations].sort((a, b) => a - b)
  return { p50_ms: percentile(sorted, 0.5), p95_ms: percentile(sorted, 0.95) }
}

/**
 * The policy check with breached-password screening off, with a cold cache
 * (every prefix asked of a range server on localhost that pads its answers
 * like the public one) and with a warm cache (the same passwords again),
 * measured side by side in one run on the same passwords. The round trip is
 * also timed alone, for "cold adds at most one round trip".
 */
export async function runBreachedPasswordsBench(): Promise<BreachedPasswordsBenchResult> {
  const server = await startFakeRangeServer()
  try {
    const options = resolvePasswordPolicy()
    const screen = new BreachedPasswordScreen({ ...BREACHED_PASSWORDS_DEFAULTS, rangeUrl: server.url })
    const passwords = generatePasswords(SAMPLE_SIZE, 0x0b4e_ac4d)
    // Warm-up: zxcvbn's dictionaries, the JIT, the HTTP agent's connection.
    for (const password of generatePasswords(50, 7)) {
      validatePassword(password, CONTEXT, options)
      await screen.check(password)
    }
    screen.clearCache()

    const check = async (password: string, screened: boolean) => {
      const start = process.hrtime.bigint()
      const verdict = validatePassword(password, CONTEXT, options)
      if (screened && verdict.valid) {
        await screen.check(password)
      }
      return ms(start)
    }
    const off: number[] = []
    const cold: number[] = []
    const warm: number[] = []
    // Interleaved per password: off, then cold (first time), then warm.
    for (const password of passwords) {
      off.push(await check(password, false))
      cold.push(await check(password, true))
      warm.push(await check(password, true))
    }
    const roundTrips: number[] = []
    for (let index = 0; index < 100; index++) {
      const start = process.hrtime.bigint()
      await (await fetch(`${server.url}${(0x10000 + index).toString(16).slice(1).toUpperCase()}0`, { headers: { "Add-Padding": "true" } })).text()
      roundTrips.push(ms(start))
    }
    const result = { off: summary(off), cold: summary(cold), warm: summary(warm), round_trip: summary(roundTrips) }
    return { n: passwords.length, ...result, warm_p95_ratio: result.warm.p95_ms / result.off.p95_ms }
  } finally {
    await server.close()
  }
}

if (require.main === module) {
  runBreachedPasswordsBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`)
      process.exitCode = 1
    })
}
