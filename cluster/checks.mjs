// The cluster checks: two `medusa start` instances on one database with the
// Redis event bus, workflow engine, locking and caching.
import { createHash, randomBytes } from "node:crypto"
import {
  check,
  countBy,
  eventually,
  expect,
  formatCounts,
  IDENTIFIER_THROTTLE_ROW,
  settled,
  sleep,
  sql,
} from "./lib.mjs"

/**
 * Registers a customer account on `server` (auth identity, then the store
 * customer) and returns `{ id, email, password }`.
 */
export async function registerCustomer(server, publishableKey, email, password) {
  const registered = await server.api("POST", "/auth/customer/emailpass/register", { email, password })
  expect(registered.status === 200 && registered.data?.token, () => `register ${email}: ${registered.status} ${JSON.stringify(registered.data)}`)
  const created = await server.api(
    "POST",
    "/store/customers",
    { email, first_name: "Cluster", last_name: "Customer" },
    { authorization: `Bearer ${registered.data.token}`, "x-publishable-api-key": publishableKey }
  )
  expect(created.status === 200, () => `store customer ${email}: ${created.status} ${JSON.stringify(created.data)}`)
  return { id: created.data.customer.id, email, password }
}

/** Logs `customer` in on `server` and returns the token. */
export async function loginCustomer(server, customer) {
  const login = await server.api("POST", "/auth/customer/emailpass", { email: customer.email, password: customer.password })
  expect(login.status === 200 && login.data?.token, () => `login ${customer.email} on ${server.name}: ${login.status}`)
  return login.data.token
}

/**
 * Waits for the next wall-clock second: Medusa's JWTs carry no jti, so two
 * logins of one identity within one second yield the same token.
 */
export const nextSecond = () => sleep(1000 - (Date.now() % 1000) + 50)

/** Bearer headers of a customer token on store routes. */
const storeHeaders = (token, publishableKey) => ({ authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey })

/**
 * @param ctx {{ a, b, db, database, admin, publishableKey, secret, options }}
 *   `a`/`b`: servers, `db`: credentials, `database`: name, `admin`: headers,
 *   `secret(label)`: a password carrying the run's marker, `options`: the
 *   plugin options in force (lockout.maxAttempts, passwordReset.*,
 *   sessions.enabled as `sessionsEnabled`).
 */
export async function runClusterChecks(ctx) {
  const { a, b, db, database, admin, publishableKey, secret, options } = ctx
  const q = (text, params) => sql(db, database, text, params)
  const tag = randomBytes(3).toString("hex")
  const servers = [a, b]

  // -------------------------------------------------------------------------
  await check(`1. 200 parallel wrong logins over both instances: exactly maxAttempts (${options.maxAttempts}) answered 401`, async () => {
    const victim = await registerCustomer(a, publishableKey, `morgan.${tag}@cluster.example`, secret("victim"))
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        servers[i % 2].api("POST", "/auth/customer/emailpass", { email: victim.email, password: secret(`wrong-${i}`) })
      )
    )
    const statuses = countBy(responses.map((r) => r.status))
    const perInstance = [0, 1].map((k) => formatCounts(countBy(responses.filter((_, i) => i % 2 === k).map((r) => r.status))))
    expect(
      statuses[401] === options.maxAttempts && statuses[429] === 200 - options.maxAttempts,
      `statuses ${formatCounts(statuses)} (A: ${perInstance[0]}; B: ${perInstance[1]})`
    )
    const refused = responses.find((r) => r.status === 429)
    expect(
      Number(refused.headers.get("retry-after")) > 0 && refused.data?.type === "not_allowed",
      `429 without Retry-After or Medusa's error shape: ${JSON.stringify(refused.data)}`
    )

    const correct = await Promise.all(servers.map((s) => s.api("POST", "/auth/customer/emailpass", { email: victim.email, password: victim.password })))
    expect(
      correct.every((r) => r.status === 429),
      `the correct password answered ${correct.map((r) => r.status)} on A/B, expected 429 on both`
    )

    // Counter rows (taken at admission) and the attempt log (written after each answer) must agree.
    // Refused attempts are counted per IP and minute (one row with a count), so counts are summed.
    const expected = { failure: options.maxAttempts, refused: 200 - options.maxAttempts + 2 }
    const readOutcomes = async () =>
      Object.fromEntries(
        (
          await q(
            `select outcome, sum("count")::int as n from login_attempt where identifier = $1 and deleted_at is null group by outcome`,
            [victim.email]
          )
        ).map((r) => [r.outcome, r.n])
      )
    await eventually(
      async () => {
        const byOutcome = await readOutcomes()
        return (byOutcome.failure ?? 0) + (byOutcome.refused ?? 0) >= expected.failure + expected.refused
      },
      { message: "the attempt log did not reach 202 entries" }
    )
    const finalOutcomes = await settled(readOutcomes)
    expect(
      finalOutcomes.failure === expected.failure && finalOutcomes.refused === expected.refused && !finalOutcomes.success,
      `attempt log ${JSON.stringify(finalOutcomes)}, expected ${JSON.stringify(expected)}`
    )
    const [throttle] = await q(
      `select attempts, lock_count, locked_until > now() as locked, extract(epoch from locked_until - now())::int as locked_for
       from login_throttle where ${IDENTIFIER_THROTTLE_ROW}`,
      [victim.email]
    )
    expect(throttle?.locked && throttle.lock_count === 1 && throttle.attempts >= options.maxAttempts,
      `identifier counter row ${JSON.stringify(throttle)}`)
    const ipRows = await q(`select key, attempts from login_throttle where scope = 'ip' and deleted_at is null`)
    const ipFailures = ipRows.reduce((sum, r) => sum + r.attempts, 0)
    expect(ipFailures === options.maxAttempts, `IP counter rows ${JSON.stringify(ipRows)}, expected ${options.maxAttempts} failed checks`)

    // Exactly one instance saw the locking failure: one lock e-mail.
    const lockMails = async () =>
      (await q(`select count(*)::int as n from notification where "to" = $1 and template = 'customer-account-locked'`, [victim.email]))[0].n
    await eventually(async () => (await lockMails()) > 0, { message: "no lock e-mail" })
    const mails = await settled(lockMails, { quietMs: 2000 })
    expect(mails === 1, `${mails} lock e-mails, expected 1`)

    // Reported, not asserted: what the Back Office sees after the burst.
    const security = await b.api("GET", `/admin/customers/${victim.id}/security`, undefined, admin)
    const shown = security.data?.security

    return `${formatCounts(statuses)}; A ${perInstance[0]}, B ${perInstance[1]}; correct password 429 on both; ` +
      `admin security view: locked=${shown?.locked} failed_attempts=${shown?.failed_attempts}; ` +
      `log ${finalOutcomes.failure} failure + ${finalOutcomes.refused} refused; identifier row attempts=${throttle.attempts} ` +
      `lock_count=1 locked ${throttle.locked_for} s; IP failures=${ipFailures}; 1 lock e-mail`
  })

  // -------------------------------------------------------------------------
  const requests = options.maxRequests * 4
  await check(`2. reset-request limit across instances: ${requests} requests, exactly maxRequests (${options.maxRequests}) e-mails`, async () => {
    const customer = await registerCustomer(b, publishableKey, `harper.${tag}@cluster.example`, secret("reset"))
    const answers = await Promise.all(
      Array.from({ length: requests }, (_, i) =>
        servers[i % 2].api("POST", "/auth/customer/emailpass/reset-password", { identifier: customer.email })
      )
    )
    const statuses = countBy(answers.map((r) => r.status))
    expect(statuses[201] === requests, `statuses ${formatCounts(statuses)}, expected ${requests}×201`)
    const mails = async () =>
      (await q(`select count(*)::int as n from notification where "to" = $1 and template = $2`, [customer.email, options.resetTemplateId]))[0].n
    await eventually(async () => (await mails()) >= options.maxRequests, {
      message: `fewer than ${options.maxRequests} reset e-mails after 20 s`,
    })
    const sent = await settled(mails, { quietMs: 3000 })
    expect(sent === options.maxRequests, `${sent} reset e-mails, expected ${options.maxRequests}`)
    const [counter] = await q(
      `select count from security_counter where scope = 'password_reset' and key = $1 and deleted_at is null`,
      [customer.email]
    )
    expect(counter?.count === requests, `security_counter ${JSON.stringify(counter)}, expected count ${requests}`)
    // notification-local logs "... with template: '<id>'", the dev app's outbox 'Notification "<id>" queued'.
    const sent_ = new RegExp(`template: '${options.resetTemplateId}'|Notification "${options.resetTemplateId}"`, "g")
    const sentBy = servers.map((s) => (s.output().match(sent_) ?? []).length)
    return `${requests}×201; ${sent} e-mails in the notification table; counter ${counter.count}; ` +
      `sent by A ${sentBy[0]}, B ${sentBy[1]} (subscribers via the Redis event bus)`
  })

  // -------------------------------------------------------------------------
  const matching = 300
  const others = 60
  await check(`3. group backfill started on both instances at once runs once (${matching} matching customers)`, async () => {
    const domain = `acme-${tag}.example`
    const group = await a.api("POST", "/admin/customer-groups", { name: `Cluster ACME ${tag}` }, admin)
    expect(group.status === 200, `create group: ${group.status} ${JSON.stringify(group.data)}`)
    const groupId = group.data.customer_group.id
    // Seeded in SQL so no customer.created subscriber evaluates them first.
    const ids = []
    const values = []
    const params = []
    for (let i = 0; i < matching + others; i++) {
      const id = `cus_cluster${tag}${String(i).padStart(4, "0")}`
      const email = i < matching ? `buyer${i}@${domain}` : `buyer${i}@other-${tag}.example`
      ids.push(id)
      params.push(id, email)
      values.push(`($${params.length - 1}, $${params.length}, false, now(), now())`)
    }
    await q(`insert into customer (id, email, has_account, created_at, updated_at) values ${values.join(",")}`, params)
    const manualMatching = ids[0]
    const manualOther = ids[matching]
    const linked = await a.api("POST", `/admin/customer-groups/${groupId}/customers`, { add: [manualMatching, manualOther] }, admin)
    expect(linked.status === 200, `manual members: ${linked.status} ${JSON.stringify(linked.data)}`)
    const rules = await b.api("POST", `/admin/customer-groups/${groupId}/rules`, { match: "all", rules: [{ type: "email_domain", domains: [domain], verified_only: false }] }, admin)
    expect(rules.status === 200, `rules: ${rules.status} ${JSON.stringify(rules.data)}`)
    const [{ n: customers }] = await q(`select count(*)::int as n from customer where deleted_at is null`)

    const started = await Promise.all(servers.map((s) => s.api("POST", `/admin/customer-groups/${groupId}/rules/evaluate`, {}, admin)))
    expect(started.every((r) => r.status === 202), `evaluate answered ${started.map((r) => r.status)}`)
    const lastRun = async () => (await a.api("GET", `/admin/customer-groups/${groupId}/rules`, undefined, admin)).data?.rule_set?.last_run ?? null
    await eventually(lastRun, { timeoutMs: 60_000, message: "no last_run after 60 s" })
    // A second run that was not skipped would overwrite last_run: wait it out.
    const run = await settled(lastRun, { quietMs: 3000, timeoutMs: 60_000 })

    const members = await q(
      `select customer_id, count(*)::int as n from customer_group_customer where customer_group_id = $1 and deleted_at is null group by customer_id`,
      [groupId]
    )
    const duplicates = members.filter((m) => m.n > 1)
    expect(!duplicates.length, `${duplicates.length} customers are members twice or more`)
    const expectedMembers = new Set([...ids.slice(0, matching), manualOther])
    const actual = new Set(members.map((m) => m.customer_id))
    const missing = [...expectedMembers].filter((id) => !actual.has(id))
    const extra = [...actual].filter((id) => !expectedMembers.has(id))
    expect(!missing.length && !extra.length, `memberships: ${missing.length} missing, ${extra.length} unexpected`)
    // Rule-made rows carry the plugin's mark in Medusa's own membership table.
    const ruleMade = await q(
      `select customer_id, count(*)::int as n from customer_group_customer where customer_group_id = $1 and deleted_at is null and created_by = 'customer-accounts:rule' group by customer_id`,
      [groupId]
    )
    expect(
      ruleMade.length === matching - 1 && ruleMade.every((r) => r.n === 1) && !ruleMade.some((r) => r.customer_id === manualMatching),
      `rule-made records: ${ruleMade.length} (expected ${matching - 1}, the manual member not among them, no duplicates)`
    )
    let verdict
    if (run.added === matching - 1 && run.removed === 0 && run.evaluated === customers) {
      verdict = "the second run was skipped (last_run is the first run's)"
    } else if (run.added === 0 && run.removed === 0 && run.evaluated === customers) {
      verdict = "the second run came after the first and found nothing"
    } else {
      throw new Error(`last_run ${JSON.stringify(run)} after two simultaneous starts (expected added ${matching - 1} or 0, evaluated ${customers})`)
    }

    // And a later run changes nothing.
    const again = await b.api("POST", `/admin/customer-groups/${groupId}/rules/evaluate`, {}, admin)
    expect(again.status === 202, `third run: ${again.status}`)
    const rerun = await eventually(async () => {
      const current = await lastRun()
      return current && current.at !== run.at ? current : null
    }, { timeoutMs: 60_000, message: "the third run did not update last_run" })
    expect(rerun.added === 0 && rerun.removed === 0 && rerun.evaluated === customers, `third run: ${JSON.stringify(rerun)}`)
    const [{ n: after }] = await q(
      `select count(*)::int as n from customer_group_customer where customer_group_id = $1 and deleted_at is null`,
      [groupId]
    )
    expect(after === matching + 1, `${after} memberships after the third run, expected ${matching + 1}`)
    return `last_run evaluated=${run.evaluated} added=${run.added} removed=${run.removed}: ${verdict}; ` +
      `${members.length} members (${matching - 1} by rule + 2 manual), no duplicates; third run added 0 removed 0`
  })

  // -------------------------------------------------------------------------
  await check("4. default group on registration through the Redis event bus (settings on A, register on B)", async () => {
    const group = await a.api("POST", "/admin/customer-groups", { name: `Cluster default ${tag}` }, admin)
    expect(group.status === 200, `create group: ${group.status}`)
    const groupId = group.data.customer_group.id
    const set = await a.api("POST", "/admin/customer-accounts/settings", { default_group_ids: [groupId] }, admin)
    expect(set.status === 200, `settings: ${set.status} ${JSON.stringify(set.data)}`)
    const seen = await b.api("GET", "/admin/customer-accounts/settings", undefined, admin)
    expect(
      JSON.stringify(seen.data?.settings?.default_group_ids) === JSON.stringify([groupId]),
      `instance B reads default groups ${JSON.stringify(seen.data)} (stale cache?)`
    )
    const started = Date.now()
    const customer = await registerCustomer(b, publishableKey, `rowan.${tag}@cluster.example`, secret("default-group"))
    const membership = async () =>
      (await q(
        `select count(*)::int as n from customer_group_customer where customer_id = $1 and customer_group_id = $2 and deleted_at is null`,
        [customer.id, groupId]
      ))[0].n
    await eventually(async () => (await membership()) > 0, { timeoutMs: 20_000, message: "the new customer never joined the default group" })
    const joinedAfter = Date.now() - started
    await sleep(1500)
    const count = await membership()
    expect(count === 1, `${count} memberships in the default group, expected 1`)
    const api = await a.api("GET", `/admin/customers/${customer.id}/group-memberships`, undefined, admin)
    expect(
      api.data?.memberships?.some((m) => m.customer_group.id === groupId),
      `instance A's group-memberships: ${JSON.stringify(api.data)}`
    )
    return `joined ${joinedAfter} ms after registering on B; exactly 1 membership; visible on A`
  })

  // -------------------------------------------------------------------------
  const notesPerInstance = 10
  await check(`5. account activity over both instances: every event recorded exactly once`, async () => {
    const customer = await registerCustomer(a, publishableKey, `avery.${tag}@cluster.example`, secret("activity"))
    // Notes written through both instances at once; each instance's Redis
    // subscriber may take any event.
    const written = await Promise.all(
      Array.from({ length: notesPerInstance * 2 }, (_, i) =>
        servers[i % 2].api("POST", `/admin/customers/${customer.id}/notes`, { body: `cluster note ${i}` }, admin)
      )
    )
    expect(written.every((r) => r.status === 200), `note statuses ${formatCounts(countBy(written.map((r) => r.status)))}`)
    // Logins: one right and one wrong on each instance, all at once (fewer
    // than maxAttempts: attempts in flight hold a place in the lockout count).
    const logins = await Promise.all(
      servers.flatMap((server) => [
        server.api("POST", "/auth/customer/emailpass", { email: customer.email, password: customer.password }),
        server.api("POST", "/auth/customer/emailpass", { email: customer.email, password: secret("wrong") }),
      ])
    )
    expect(
      formatCounts(countBy(logins.map((r) => r.status))) === formatCounts({ 200: 2, 401: 2 }),
      `login statuses ${formatCounts(countBy(logins.map((r) => r.status)))}`
    )
    const expected = { "note.created": notesPerInstance * 2, "login.succeeded": 2, "login.failed": 2 }
    const readTypes = async () =>
      Object.fromEntries(
        (await q(`select type, count(*)::int as n from account_activity where customer_id = $1 group by type`, [customer.id])).map(
          (r) => [r.type, r.n]
        )
      )
    await eventually(
      async () => {
        const types = await readTypes()
        return Object.entries(expected).every(([type, n]) => (types[type] ?? 0) >= n)
      },
      { timeoutMs: 20_000, message: "the timeline did not receive every event" }
    )
    const types = await settled(readTypes, { quietMs: 2000 })
    expect(
      Object.entries(expected).every(([type, n]) => types[type] === n),
      `timeline ${JSON.stringify(types)}, expected ${JSON.stringify(expected)} (and nothing twice)`
    )
    const seen = await b.api("GET", `/admin/customers/${customer.id}/activity?kind=notes&limit=1`, undefined, admin)
    expect(seen.data?.count === notesPerInstance * 2, `instance B's timeline count: ${JSON.stringify(seen.data?.count)}`)
    return `${JSON.stringify(types)}: every note and login once, written by whichever instance took the event`
  })

  // -------------------------------------------------------------------------
  // The session gate reads the registry in PostgreSQL on every request (no
  // in-process cache): a revocation answered by one instance holds on the
  // other from its very next request, with no wait and no retry.
  if (!options.sessionsEnabled) {
    console.log("  - 6., 7. session revocation across instances: not run (sessions.enabled is false in CAM_PLUGIN_OPTIONS)")
    return
  }
  /** GET /store/customers/me with `token` on each server: their statuses. */
  const meOn = (token, on = servers) =>
    Promise.all(on.map(async (s) => (await s.api("GET", "/store/customers/me", undefined, storeHeaders(token, publishableKey))).status))
  const refreshOn = async (server, token) =>
    (await server.api("POST", "/auth/token/refresh", undefined, { authorization: `Bearer ${token}` })).status

  await check("6. a session revoked on instance A (revoke-others) is refused on instance B from the very next request", async () => {
    const customer = await registerCustomer(a, publishableKey, `quinn.${tag}@cluster.example`, secret("sessions"))
    await nextSecond()
    const kept = await loginCustomer(a, customer)
    await nextSecond()
    const revoked = await loginCustomer(b, customer)
    expect(kept !== revoked, "both logins returned the same token (same second?)")
    const before = [...(await meOn(kept)), ...(await meOn(revoked))]
    expect(before.every((status) => status === 200), `before: kept token A/B ${before.slice(0, 2)}, other token A/B ${before.slice(2)}, expected 200`)
    const listed = await b.api("GET", "/store/customers/me/sessions", undefined, storeHeaders(kept, publishableKey))
    const sessionsBefore = listed.data?.sessions ?? []
    expect(
      listed.status === 200 && sessionsBefore.length >= 2 && sessionsBefore.filter((s) => s.current).length === 1,
      () => `sessions on B before: ${listed.status} ${JSON.stringify(sessionsBefore.map((s) => ({ method: s.method, current: s.current })))}`
    )

    const revocation = await a.api("POST", "/store/customers/me/sessions/revoke-others", {}, storeHeaders(kept, publishableKey))
    expect(revocation.status === 200 && revocation.data?.revoked >= 1, () => `revoke-others on A: ${revocation.status} ${JSON.stringify(revocation.data)}`)

    // The very next request with the revoked token, on the other instance.
    const [refusedOnB] = await meOn(revoked, [b])
    expect(refusedOnB === 401, `revoked token on B: ${refusedOnB}, expected 401`)
    const refreshed = await refreshOn(b, revoked)
    expect(refreshed === 401, `refresh with the revoked token on B: ${refreshed}, expected 401`)
    const [refusedOnA] = await meOn(revoked, [a])
    expect(refusedOnA === 401, `revoked token on A: ${refusedOnA}, expected 401`)

    const [keptOnB] = await meOn(kept, [b])
    expect(keptOnB === 200, `the revoking session's token on B: ${keptOnB}, expected 200`)
    const after = await b.api("GET", "/store/customers/me/sessions", undefined, storeHeaders(kept, publishableKey))
    const sessionsAfter = after.data?.sessions ?? []
    expect(
      after.status === 200 && sessionsAfter.length === 1 && sessionsAfter[0].current === true,
      () => `sessions on B after: ${after.status} ${JSON.stringify(sessionsAfter.map((s) => ({ method: s.method, current: s.current })))}`
    )
    // Control: refresh itself works on B for a live session.
    const keptRefresh = await refreshOn(b, kept)
    expect(keptRefresh === 200, `refresh with the kept token on B: ${keptRefresh}, expected 200`)
    return `before: both tokens 200 on A and B, ${sessionsBefore.length} sessions listed on B; revoke-others on A ended ${revocation.data.revoked}; ` +
      `next request on B 401, refresh on B 401, on A 401; kept token 200 on B, the only session listed (current), refresh 200`
  })

  // -------------------------------------------------------------------------
  await check("7. admin \"sign out everywhere\" on instance A is refused on instance B from the very next request", async () => {
    const customer = await registerCustomer(a, publishableKey, `sasha.${tag}@cluster.example`, secret("signout"))
    await nextSecond()
    const token = await loginCustomer(b, customer)
    const before = await meOn(token)
    expect(before.every((status) => status === 200), `before: A/B ${before}, expected 200`)

    const revocation = await a.api("POST", `/admin/customers/${customer.id}/sessions/revoke`, {}, admin)
    expect(revocation.status === 200 && revocation.data?.revoked >= 1, () => `admin revoke on A: ${revocation.status} ${JSON.stringify(revocation.data)}`)

    const [refusedOnB] = await meOn(token, [b])
    expect(refusedOnB === 401, `revoked token on B: ${refusedOnB}, expected 401`)
    const refreshed = await refreshOn(b, token)
    expect(refreshed === 401, `refresh with the revoked token on B: ${refreshed}, expected 401`)
    const [refusedOnA] = await meOn(token, [a])
    expect(refusedOnA === 401, `revoked token on A: ${refusedOnA}, expected 401`)
    const listed = await b.api("GET", `/admin/customers/${customer.id}/sessions`, undefined, admin)
    expect(listed.status === 200 && listed.data?.sessions?.length === 0, () => `admin sessions on B: ${listed.status} ${JSON.stringify(listed.data)}`)

    // Signed out, not locked out: a new login (a later second, a new token) counts on both.
    await nextSecond()
    const fresh = await loginCustomer(b, customer)
    const again = await meOn(fresh)
    expect(again.every((status) => status === 200), `new login after the revocation: A/B ${again}, expected 200`)
    return `200 on A and B; admin revoke on A ended ${revocation.data.revoked}; next request on B 401, refresh on B 401, on A 401; ` +
      `0 sessions listed on B; a new login 200 on both`
  })

  // -------------------------------------------------------------------------
  await check("8. breached-password screening: a range answer fetched by instance A serves instance B from Redis (Medusa's caching module)", async () => {
    const password = secret("breach-cache")
    const prefix = createHash("sha1").update(password.normalize("NFKC"), "utf8").digest("hex").toUpperCase().slice(0, 5)
    const headers = { "x-publishable-api-key": publishableKey }
    const onA = await a.api("POST", "/store/password-strength", { password }, headers)
    expect(onA.status === 200 && onA.data?.strength?.valid === true, () => `strength on A: ${onA.status} ${JSON.stringify(onA.data)}`)
    expect(ctx.range.count(prefix) === 1, `range requests for the prefix after A: ${ctx.range.count(prefix)}, expected 1`)
    const onB = await b.api("POST", "/store/password-strength", { password }, headers)
    expect(onB.status === 200 && onB.data?.strength?.valid === true, () => `strength on B: ${onB.status} ${JSON.stringify(onB.data)}`)
    expect(ctx.range.count(prefix) === 1, `range requests for the prefix after B: ${ctx.range.count(prefix)}, expected 1 (B should read Redis)`)
    return "A asked the range server once; B answered the same password from the shared cache (still 1 request)"
  })

  // -------------------------------------------------------------------------
  await check("9. assisted shopping: a session started on instance A and ended on instance B is refused on A at once", async () => {
    const customer = await registerCustomer(a, publishableKey, `ava.${tag}@cluster.example`, secret("assist"))
    const own = await loginCustomer(b, customer)
    const consent = await b.api("POST", "/store/customers/me/assistance-consent", { allow: true }, storeHeaders(own, publishableKey))
    expect(consent.status === 200 && consent.data?.assistance_consent?.allowed === true, () => `consent on B: ${consent.status} ${JSON.stringify(consent.data)}`)
    const started = await a.api("POST", `/admin/customers/${customer.id}/assistance`, { reason: "Cluster drill" }, admin)
    expect(started.status === 201 && started.data?.assistance?.code, () => `start on A: ${started.status} ${JSON.stringify(started.data)}`)
    const exchanged = await b.api("POST", "/auth/customer/assistance", { code: started.data.assistance.code })
    expect(exchanged.status === 200 && exchanged.data?.token, () => `exchange on B: ${exchanged.status} ${JSON.stringify(exchanged.data)}`)
    const replayed = await a.api("POST", "/auth/customer/assistance", { code: started.data.assistance.code })
    expect(replayed.status === 401, `the same code again on A: ${replayed.status}, expected 401`)
    const token = exchanged.data.token
    const before = await meOn(token)
    expect(before.every((status) => status === 200), `assisted token before the end: A/B ${before}, expected 200`)
    const ended = await b.api("POST", `/admin/customers/${customer.id}/assistance/end`, {}, admin)
    expect(ended.status === 200 && ended.data?.ended === 1, () => `end on B: ${ended.status} ${JSON.stringify(ended.data)}`)
    const [onA] = await meOn(token, [a])
    expect(onA === 401, `assisted token on A right after the end on B: ${onA}, expected 401`)
    const [ownOnA] = await meOn(own, [a])
    expect(ownOnA === 200, `the customer's own session on A: ${ownOnA}, expected 200`)
    return "consent on B, start on A, code exchanged on B (replay on A 401), 200 on both; ended on B -> 401 on A at once; the customer's own session 200"
  })
}
