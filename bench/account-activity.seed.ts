/**
 * Set-based seeding of `account_activity` for the activity bench (the API
 * would take hours for a million entries). Rows look like what the
 * subscriber writes (see src/lib/activity/entries.ts): the
 * kind follows from the type, actors and `customer_visible` as recorded, IP
 * and user agent on logins and password changes, a `source_key` on each.
 */
import type pg from "pg"
import { ACTIVITY_TYPES, type ActivityActorType, type ActivityType } from "../src/types/account-activity"

/**
 * The mix of entry types, per 10,000 entries, with the actor each is
 * recorded with. Logins dominate a real timeline; a type recorded with
 * different actors appears once per actor. `ip`: the entry carries the
 * client's IP and user agent.
 */
const MIX: { type: ActivityType; actor: ActivityActorType; weight: number; visible: boolean; ip: boolean }[] = [
  { type: "login.succeeded", actor: "customer", weight: 4000, visible: true, ip: true },
  { type: "login.failed", actor: "customer", weight: 1200, visible: true, ip: true },
  { type: "login.refused", actor: "customer", weight: 200, visible: true, ip: true },
  { type: "account.locked", actor: "system", weight: 50, visible: true, ip: false },
  { type: "account.unlocked", actor: "user", weight: 20, visible: true, ip: false },
  { type: "account.unlocked", actor: "customer", weight: 20, visible: true, ip: false },
  { type: "ip.unblocked", actor: "user", weight: 10, visible: false, ip: false },
  { type: "password.changed", actor: "customer", weight: 100, visible: true, ip: true },
  { type: "password.reset_requested", actor: "customer", weight: 160, visible: true, ip: false },
  { type: "password.reset_requested", actor: "user", weight: 40, visible: true, ip: false },
  { type: "password.reset_completed", actor: "customer", weight: 150, visible: true, ip: false },
  { type: "password.set_by_admin", actor: "user", weight: 20, visible: true, ip: false },
  { type: "password.updated", actor: "system", weight: 30, visible: true, ip: false },
  { type: "preferences.updated", actor: "customer", weight: 560, visible: false, ip: false },
  { type: "preferences.updated", actor: "user", weight: 240, visible: false, ip: false },
  { type: "group.joined", actor: "rule", weight: 600, visible: false, ip: false },
  { type: "group.joined", actor: "user", weight: 250, visible: false, ip: false },
  { type: "group.joined", actor: "system", weight: 150, visible: false, ip: false },
  { type: "group.left", actor: "rule", weight: 300, visible: false, ip: false },
  { type: "group.left", actor: "user", weight: 100, visible: false, ip: false },
  { type: "note.created", actor: "user", weight: 1200, visible: false, ip: false },
  { type: "note.updated", actor: "user", weight: 400, visible: false, ip: false },
  { type: "note.deleted", actor: "user", weight: 200, visible: false, ip: false },
]

const USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
]

/** Customers other than the measured one that share the entries. */
export const OTHER_CUSTOMERS = 20_000

export type SeedRange = {
  /** Sequence numbers `first .. first + count - 1`: ids and source keys derive from them, so ranges must not overlap. */
  first: number
  count: number
  /** Every `bigEvery`-th entry belongs to `bigCustomerId`; the others spread over OTHER_CUSTOMERS customers. */
  bigCustomerId: string
  bigEvery: number
  /** The entries' ages, oldest first in the heap (the log is appended in time order). */
  oldestDaysAgo: number
  newestDaysAgo: number
  /** The Back Office user named as actor of staff entries. */
  adminUserId: string
}

/** Inserts `count` entries in one statement; returns how many were written. */
export async function seedActivity(client: pg.Client, range: SeedRange): Promise<number> {
  const total = MIX.reduce((sum, entry) => sum + entry.weight, 0)
  if (total !== 10_000) {
    throw new Error(`the type mix adds up to ${total}, not 10,000`)
  }
  let lo = 0
  const bands = MIX.map((entry) => {
    const band = { ...entry, kind: ACTIVITY_TYPES[entry.type], lo, hi: lo + entry.weight }
    lo = band.hi
    return band
  })
  const last = range.first + range.count - 1
  const span = range.oldestDaysAgo - range.newestDaysAgo
  const { rowCount } = await client.query(
    `
    with mix (type, kind, actor_type, visible, has_ip, lo, hi) as (
      select * from jsonb_to_recordset($1::jsonb)
        as m(type text, kind text, actor text, visible boolean, ip boolean, lo int, hi int)
    ),
    entries as (
      select n,
             -- uniform in 0..9999 and independent of n's residues
             (hashint4(n)::bigint + 2147483648) % 10000 as r,
             (hashint4(n + 7919)::bigint + 2147483648) as h,
             case when n % $3 = 0 then $2
                  else 'cus_bench_' || ((hashint4(n + 104729)::bigint + 2147483648) % ${OTHER_CUSTOMERS}) end as customer_id,
             now() - ($7::float8 + $8::float8 * (1 - (n - $5 + 0.5) / $9::float8)) * interval '1 day' as occurred_at
      from generate_series($5::int, $6::int) as n
    )
    insert into account_activity
      (id, customer_id, kind, type, actor_type, actor_id, ip, user_agent, data, customer_visible,
       source_key, occurred_at, created_at, updated_at)
    select 'cact_' || lpad(e.n::text, 26, '0'),
           e.customer_id,
           m.kind,
           m.type,
           m.actor_type,
           case m.actor_type when 'customer' then e.customer_id
                             when 'user' then $4
                             when 'rule' then 'crs_bench_' || (e.h % 6)
                             else null end,
           case when not m.has_ip then null
                when e.h % 10 = 0 then '2001:db8:' || to_hex(e.h % 65536) || '::' || to_hex(e.h % 4093 + 1)
                else '198.51.' || (e.h % 200) || '.' || (e.h % 251 + 1) end,
           case when m.has_ip then ($10::text[])[1 + e.h % ${USER_AGENTS.length}] end,
           case when m.type like 'login.%' then jsonb_build_object('actor_type', 'customer')
                when m.type = 'account.locked' then jsonb_build_object(
                  'locked_until', to_char((e.occurred_at + interval '15 minutes') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                  'lock_count', 1 + e.h % 3)
                when m.type = 'account.unlocked' then jsonb_build_object(
                  'reason', case m.actor_type when 'user' then 'admin' else 'password_reset' end, 'was_locked', true)
                when m.type = 'ip.unblocked' then jsonb_build_object('ip', '198.51.100.' || (e.h % 250 + 1), 'was_blocked', true)
                when m.type = 'password.reset_requested' then jsonb_build_object(
                  'requested_by', case m.actor_type when 'user' then 'admin' else 'customer' end)
                when m.type = 'preferences.updated' then jsonb_build_object('changes', jsonb_build_array(
                  jsonb_build_object('field', 'marketing_email', 'from', e.h % 2 = 0, 'to', e.h % 2 = 1)))
                when m.type like 'group.%' then jsonb_build_object(
                  'customer_group_id', 'cusgroup_bench_' || (e.h % 12),
                  'customer_group_name', 'Bench group ' || (e.h % 12),
                  'source', case m.actor_type when 'rule' then 'rule' when 'user' then 'manual' else 'default' end)
                when m.type like 'note.%' then jsonb_build_object('note_id', 'note_bench_' || e.n, 'pinned', e.h % 17 = 0)
                else '{}'::jsonb end,
           m.visible,
           m.type || ':' || md5(e.n::text)::uuid,
           e.occurred_at, e.occurred_at, e.occurred_at
    from entries e
    join mix m on e.r >= m.lo and e.r < m.hi
    order by e.n`,
    [
      JSON.stringify(bands.map(({ type, kind, actor, visible, ip, lo, hi }) => ({ type, kind, actor, visible, ip, lo, hi }))),
      range.bigCustomerId,
      range.bigEvery,
      range.adminUserId,
      range.first,
      last,
      range.newestDaysAgo,
      span,
      range.count,
      USER_AGENTS,
    ]
  )
  if (rowCount !== range.count) {
    throw new Error(`seeded ${rowCount} activity entries, expected ${range.count}`)
  }
  return rowCount
}
