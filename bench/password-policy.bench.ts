import {
  resolvePasswordPolicy,
  validatePassword,
  type PasswordContext,
} from "../src/lib/password-policy"
import { percentile } from "./lib/stats"

export interface BenchResult {
  name: string
  n: number
  p50_ms: number
  p95_ms: number
  max_ms: number
}

const SAMPLE_SIZE = 1_000
const WARM_UP_SIZE = 200
const MIN_LENGTH = 8
const MAX_LENGTH = 128
/** Fixed so that every run measures the same passwords. */
const SEED = 0x5eed_2024

/** Split into code points up front so the emoji is one character, as the validator counts it. */
const CHARACTER_CLASSES: readonly (readonly string[])[] = [
  "abcdefghijklmnopqrstuvwxyz",
  "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  "0123456789",
  "!@#$%^&*()-_=+[]{};:,.<>/?~ ",
  "äöüßéñçøå密码🔒",
].map((characters) => [...characters])

/** Words people really put in passwords, so dictionary and l33t matching get exercised. */
const COMMON_FRAGMENTS = [
  "password",
  "p@ssw0rd",
  "dragon",
  "letmein",
  "summer",
  "monkey",
  "qwerty",
  "123456",
  "jane",
  "acme",
  "football",
  "iloveyou",
]

const CONTEXT: PasswordContext = {
  email: "jane.doe@example.com",
  first_name: "Jane",
  last_name: "Doe",
  store_name: "Acme Outdoor",
}

/** mulberry32: tiny, fast and deterministic; Math.random cannot be seeded. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]
}

/** Random characters from all classes, with a common fragment in about a third of them. */
function generatePassword(random: () => number): string {
  const length =
    MIN_LENGTH + Math.floor(random() * (MAX_LENGTH - MIN_LENGTH + 1))
  const characters: string[] = []
  if (random() < 0.35) {
    characters.push(...pick(random, COMMON_FRAGMENTS))
  }
  while (characters.length < length) {
    characters.push(pick(random, pick(random, CHARACTER_CLASSES)))
  }
  return characters.slice(0, length).join("")
}

export function generatePasswords(count: number, seed = SEED): string[] {
  const random = createRandom(seed)
  return Array.from({ length: count }, () => generatePassword(random))
}

function roundMs(value: number): number {
  return Math.round(value * 1000) / 1000
}

/**
 * Times `validatePassword` with default options on 1,000 deterministic
 * passwords. The warm-up pays for the lazy zxcvbn and common-list set-up and
 * lets the JIT settle, so the figures describe steady-state requests.
 */
export async function runPasswordPolicyBench(): Promise<BenchResult> {
  const options = resolvePasswordPolicy()
  generatePasswords(WARM_UP_SIZE, SEED + 1).forEach((password) =>
    validatePassword(password, CONTEXT, options)
  )

  const durations = generatePasswords(SAMPLE_SIZE).map((password) => {
    const start = process.hrtime.bigint()
    validatePassword(password, CONTEXT, options)
    return Number(process.hrtime.bigint() - start) / 1e6
  })
  durations.sort((a, b) => a - b)

  return {
    name: "password-policy.validatePassword",
    n: durations.length,
    p50_ms: roundMs(percentile(durations, 0.5)),
    p95_ms: roundMs(percentile(durations, 0.95)),
    max_ms: roundMs(durations[durations.length - 1]),
  }
}

if (require.main === module) {
  runPasswordPolicyBench()
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`)
      process.exitCode = 1
    })
}
