import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ACCOUNT_SECURITY_MODULE } from "../../src/modules/account-security"
import type AccountSecurityModuleService from "../../src/modules/account-security/service"
import reportLookalikeIdentities from "../../src/scripts/report-lookalike-identities"
import { changeLoginEmailWorkflow } from "../../src/workflows/customer-email"
import { anonymizeCustomerWorkflow } from "../../src/workflows/customer-privacy"
import { createPublishableKey, registerCustomer, send, type TestCustomer } from "./helpers/auth"
import { attemptsLogged } from "./helpers/attempts"
import { eventually } from "./helpers/events"

jest.setTimeout(180 * 1000)

const PASSWORD = "a long and unusual passphrase 42"
/** Medusa's own answer to a registration of an e-mail that has an identity (emailpass provider). */
const EXISTING_IDENTITY = { type: "unauthorized", message: "Identity with email already exists" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let security: AccountSecurityModuleService
    let pk: Record<string, string>
    let victim: TestCustomer

    const register = (url: string, email: string, password = PASSWORD) =>
      send(api.post(url, { email, password }))
    const identityCount = async () => (await container.resolve(Modules.AUTH).listProviderIdentities({ provider: "emailpass" })).length
    const login = (email: string, password: string) => send(api.post("/auth/customer/emailpass", { email, password }))
    /** Waits until the attempt log holds `count` entries in all. */
    const logged = (count: number) =>
      eventually(async () => (await attemptsLogged(security)) >= count, { timeoutMs: 20_000 })

    /**
     * A look-alike made before the plugin refused them: an identity and a
     * customer created directly with Medusa's modules (unguarded).
     */
    const preexistingLookalike = async (email: string, customerEmail = email) => {
      const auth = container.resolve(Modules.AUTH)
      const { authIdentity, error } = await auth.register("emailpass", { body: { email, password: PASSWORD } } as never)
      if (error || !authIdentity) {
        throw new Error(`could not register ${email}: ${error}`)
      }
      const customer = await container.resolve(Modules.CUSTOMER).createCustomers({ email: customerEmail, has_account: true })
      await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { customer_id: customer.id } })
      return { auth_identity_id: authIdentity.id, customer_id: customer.id, email }
    }

    beforeEach(async () => {
      container = getContainer()
      security = container.resolve(ACCOUNT_SECURITY_MODULE)
      pk = await createPublishableKey(container)
      victim = await registerCustomer(api, pk, { email: "victim@example.com", password: PASSWORD })
    })

    describe("POST /auth/:actor_type/emailpass/register", () => {
      it("refuses a look-alike of an existing identity on every spelling, exactly as Medusa refuses an existing one", async () => {
        const before = await identityCount()
        const medusa = await register("/auth/customer/emailpass/register", "victim@example.com", "another password 77 x")
        expect(medusa.status).toEqual(401)
        expect(medusa.data).toEqual(EXISTING_IDENTITY)
        const attempts: [string, string][] = [
          ["/auth/customer/emailpass/register", "VICTIM@EXAMPLE.COM"],
          ["/auth/customer/emailpass/register", "Victim@Example.com"],
          ["/auth/customer/emailpass/register", " victim@example.com"],
          ["/auth/customer/emailpass/register", "victim@example.com\t"],
          ["/auth/%63ustomer/emailpass/register", "VICTIM@example.com"],
          ["/auth/customer/emailpass/register/", "VICTIM@example.com"],
          ["/auth/user/emailpass/register", "VICTIM@example.com"],
          ["/auth/seller/emailpass/register", "VICTIM@example.com"],
        ]
        for (const [url, email] of attempts) {
          const answer = await register(url, email)
          expect({ url, email, status: answer.status, body: answer.data }).toEqual({
            url,
            email,
            status: 401,
            body: EXISTING_IDENTITY,
          })
        }
        expect(await identityCount()).toEqual(before)
      })

      it("refuses a look-alike whose composed form (NFC) is an existing identity", async () => {
        // (Medusa's customer validator takes ASCII addresses only: the identity alone.)
        expect((await register("/auth/customer/emailpass/register", "jos\u00e9@example.com")).status).toEqual(200)
        const answer = await register("/auth/customer/emailpass/register", "JOSE\u0301@example.com")
        expect([answer.status, answer.data]).toEqual([401, EXISTING_IDENTITY])
      })

      it("lets exactly one of concurrent look-alike registrations create an identity", async () => {
        const before = await identityCount()
        const spellings = ["new@example.com", "NEW@example.com", "New@Example.com", " new@example.com", "nEw@example.com", "NEW@EXAMPLE.COM"]
        const answers = await Promise.all(spellings.map((email) => register("/auth/customer/emailpass/register", email)))
        expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1)
        for (const answer of answers.filter((answer) => answer.status !== 200)) {
          expect([answer.status, answer.data]).toEqual([401, EXISTING_IDENTITY])
        }
        expect(await identityCount()).toEqual(before + 1)
      })

      it("stores a new identity without surrounding space, and frees a claim Medusa's registration did not use", async () => {
        const ok = await register("/auth/customer/emailpass/register", "  spaced@example.com ")
        expect(ok.status).toEqual(200)
        const [identity] = await container
          .resolve(Modules.AUTH)
          .listProviderIdentities({ provider: "emailpass", entity_id: "spaced@example.com" })
        expect(identity).toBeDefined()
        // A refused password (policy) claims nothing: the address stays free.
        const weak = await register("/auth/customer/emailpass/register", "later@example.com", "password")
        expect(weak.status).toEqual(400)
        expect((await register("/auth/customer/emailpass/register", "LATER@example.com")).status).toEqual(200)
      })

      it.each([
        ["a@x.com, b@y.com"],
        ["a@x.com\r\nBcc: c@y.com"],
        ["<img src=x>@x.com"],
        ["no-at-sign.example.com"],
        ["two@at@example.com"],
        ["a b@example.com"],
        [`${"l".repeat(65)}@example.com`],
      ])("answers a malformed address %j with a 400 and creates nothing", async (email) => {
        const before = await identityCount()
        const answer = await register("/auth/customer/emailpass/register", email)
        expect(answer.status).toEqual(400)
        expect(answer.data).toEqual({ type: "invalid_data", message: expect.stringMatching(/^email: must /) })
        expect(await identityCount()).toEqual(before)
      })
    })

    describe("the look-alike report (npx medusa exec …/report-lookalike-identities.js)", () => {
      it("lists identities that share an address, oldest first, and changes nothing", async () => {
        expect(await reportLookalikeIdentities({ container } as never)).toEqual([])
        const lookalike = await preexistingLookalike("Victim@Example.COM")
        const before = await identityCount()
        const rows = await reportLookalikeIdentities({ container } as never)
        expect(rows.map((row) => [row.canonical, row.entity_id, row.actor_types])).toEqual([
          ["victim@example.com", "victim@example.com", ["customer"]],
          ["victim@example.com", "Victim@Example.COM", ["customer"]],
        ])
        expect(rows[1].auth_identity_id).toEqual(lookalike.auth_identity_id)
        expect(await identityCount()).toEqual(before)
        expect((await login("victim@example.com", PASSWORD)).status).toEqual(200)
        expect((await login("Victim@Example.COM", PASSWORD)).status).toEqual(200)
      })
    })

    describe("an e-mail change", () => {
      const moveVictimTo = async (to: string) => {
        const [login] = await container
          .resolve(Modules.AUTH)
          .listProviderIdentities({ provider: "emailpass", entity_id: victim.email })
        return changeLoginEmailWorkflow(container).run({
          input: { auth_identity_id: login.auth_identity_id!, customer_id: victim.customer.id, to },
          throwOnError: false,
        })
      }

      it("moves the address's claim: a look-alike of the new address is refused, the old address is free", async () => {
        const { errors } = await moveVictimTo("Moved@Example.com")
        expect(errors).toEqual([])
        const answer = await register("/auth/customer/emailpass/register", "moved@example.com")
        expect([answer.status, answer.data]).toEqual([401, EXISTING_IDENTITY])
        expect((await login("Moved@Example.com", PASSWORD)).status).toEqual(200)
        expect((await register("/auth/customer/emailpass/register", "victim@example.com")).status).toEqual(200)
      })

      it("refuses to move onto a look-alike of an address registered meanwhile, and changes nothing", async () => {
        expect((await register("/auth/customer/emailpass/register", "taken@example.com")).status).toEqual(200)
        const { errors } = await moveVictimTo("TAKEN@example.com")
        expect(errors.map((error) => error.error.message)).toEqual(["This e-mail address is no longer available"])
        expect((await login("victim@example.com", PASSWORD)).status).toEqual(200)
        // The victim's address keeps its claim.
        const lookalike = await register("/auth/customer/emailpass/register", "Victim@example.com")
        expect([lookalike.status, lookalike.data]).toEqual([401, EXISTING_IDENTITY])
      })
    })

    describe("lockout per identity", () => {
      it("locks the victim after exactly maxAttempts failures, whatever a look-alike's successful logins do", async () => {
        const lookalike = await preexistingLookalike("VICTIM@EXAMPLE.COM")
        await logged(1)
        const statuses: number[] = []
        let sent = 1
        // 30 requests: a wrong guess on the victim, then a right password of the look-alike, alternated.
        for (let i = 0; i < 15; i++) {
          statuses.push((await login("victim@example.com", `wrong guess ${i}`)).status)
          const own = await login(lookalike.email, PASSWORD)
          sent += 2
          await logged(sent)
          if (i < 5) {
            expect(own.status).toEqual(200)
          }
        }
        // maxAttempts is 5 (the default): 5 wrong answers, then the lock.
        expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
        expect(statuses.slice(5)).toEqual(Array(10).fill(429))
        expect((await login("victim@example.com", PASSWORD)).status).toEqual(429)
        // The look-alike is not locked by the victim's failures.
        expect((await login(lookalike.email, PASSWORD)).status).toEqual(200)
      })

      it("keeps the answers for unknown e-mails the same as for a known one", async () => {
        const known = await login("victim@example.com", "wrong guess")
        const unknown = await login("nobody@example.com", "wrong guess")
        expect([unknown.status, unknown.data]).toEqual([known.status, known.data])
        const strip = (headers: Record<string, unknown>) =>
          Object.keys(headers)
            .filter((name) => !["date", "etag", "content-length", "x-request-id"].includes(name))
            .sort()
        expect(strip(unknown.headers)).toEqual(strip(known.headers))
      })
    })

    describe("POST /store/customers with a registration token", () => {
      const registrationToken = async (email: string) =>
        (await api.post("/auth/customer/emailpass/register", { email, password: PASSWORD })).data.token as string
      const createCustomer = (token: string, email: string | undefined) =>
        send(api.post("/store/customers", email === undefined ? { first_name: "M" } : { email, first_name: "M" }, {
          headers: { ...pk, authorization: `Bearer ${token}` },
        }))
      const customerCount = async () => (await container.resolve(Modules.CUSTOMER).listCustomers({})).length

      it("refuses another address, a look-alike of a registered customer's included, naming no account", async () => {
        const token = await registrationToken("mallory@example.com")
        const before = await customerCount()
        for (const email of ["VICTIM@EXAMPLE.COM", "victim@example.com", "nobody@example.com"]) {
          const answer = await createCustomer(token, email)
          expect([answer.status, answer.data]).toEqual([
            400,
            { type: "invalid_data", message: "email: must be the address you registered with" },
          ])
        }
        expect(await customerCount()).toEqual(before)
      })

      it("stores the identity's own address whatever spelling the body uses", async () => {
        const token = await registrationToken("Carol@Example.com")
        // (Medusa's own validator refuses surrounding space in this body.)
        const created = await createCustomer(token, "CAROL@example.COM")
        expect(created.status).toEqual(200)
        expect(created.data.customer.email.toLowerCase()).toEqual("carol@example.com")
        const bare = await createCustomer(await registrationToken("dave@example.com"), undefined)
        expect([bare.status, bare.data.customer?.email]).toEqual([200, "dave@example.com"])
      })
    })

    describe("a look-alike customer's export and erasure", () => {
      it("get none of the victim's attempts, lock or notifications", async () => {
        // As the old code let it happen: own login, the victim's address on the customer.
        const lookalike = await preexistingLookalike("mallory@example.com", "VICTIM@EXAMPLE.COM")
        const mallory = await login(lookalike.email, PASSWORD)
        for (let i = 0; i < 6; i++) {
          await login("victim@example.com", `wrong guess ${i}`)
        }
        await logged(8)
        // The lock e-mail is sent after the answer: counted once it is there.
        await eventually(async () =>
          (await container.resolve(Modules.NOTIFICATION).listNotifications({ to: "victim@example.com" })).some(
            (notification) => String(notification.template).includes("locked")
          )
        )
        const pg = container.resolve("__pg_connection__") as any
        const victimRows = async () => ({
          attempts: Number((await pg("login_attempt").count("* as n").whereNull("deleted_at").where("identifier", "victim@example.com"))[0].n),
          throttles: Number((await pg("login_throttle").count("* as n").where("scope", "identifier").whereNotNull("locked_until"))[0].n),
          notifications: (await container.resolve(Modules.NOTIFICATION).listNotifications({ to: "victim@example.com" })).length,
        })
        const before = await victimRows()
        expect(before.attempts).toBeGreaterThanOrEqual(7)
        expect(before.throttles).toEqual(1)

        const exported = await api.get("/store/customers/me/export", {
          headers: { ...pk, authorization: `Bearer ${mallory.data.token}` },
        })
        const ips = exported.data.login_attempts.map((attempt: { identifier: string }) => attempt.identifier)
        expect(ips.every((identifier: string) => identifier === "mallory@example.com")).toBe(true)

        await anonymizeCustomerWorkflow(container).run({
          input: { customer_id: lookalike.customer_id, actor_id: null as unknown as string, orders: "keep" },
        })
        expect(await victimRows()).toEqual(before)
        expect((await login("victim@example.com", PASSWORD)).status).toEqual(429)
      })
    })
  },
})
