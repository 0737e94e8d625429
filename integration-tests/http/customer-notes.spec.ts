import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { CUSTOMER_NOTE_MODULE } from "../../src/modules/customer-note"
import type CustomerNoteModuleService from "../../src/modules/customer-note/service"
import { systemNoteText } from "../../src/lib/messages"
import { createCustomerNotesWorkflow } from "../../src/workflows/customer-note"
import {
  createAdmin,
  createPublishableKey,
  registerCustomer,
  send,
  type TestAdmin,
} from "./helpers/auth"
import { captureEvents } from "./helpers/events"

jest.setTimeout(60 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let admin: TestAdmin
    let otherAdmin: TestAdmin
    let customerId: string
    let otherCustomerId: string

    const notesUrl = (id = customerId) => `/admin/customers/${id}/notes`
    const noteCount = async () => {
      const service: CustomerNoteModuleService =
        container.resolve(CUSTOMER_NOTE_MODULE)
      const [, count] = await service.listAndCountCustomerNotes(
        {},
        { withDeleted: true }
      )
      return count
    }
    const addNote = async (body: string, extra: Record<string, unknown> = {}, who = admin) => {
      const response = await api.post(notesUrl(), { body, ...extra }, who)
      return response.data.note
    }

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(api, container)
      otherAdmin = await createAdmin(api, container, {
        email: "grace@example.com",
        first_name: "Grace",
        last_name: "Hopper",
      })
      const created = await api.post(
        "/admin/customers",
        { email: "buyer@example.com", first_name: "Bea" },
        admin
      )
      customerId = created.data.customer.id
      const other = await api.post(
        "/admin/customers",
        { email: "other@example.com" },
        admin
      )
      otherCustomerId = other.data.customer.id
    })

    describe("POST /admin/customers/:id/notes", () => {
      it("creates a note authored by the calling admin", async () => {
        const response = await api.post(
          notesUrl(),
          { body: "  Prefers delivery after 5pm  ", pinned: true },
          admin
        )

        expect(response.status).toEqual(200)
        expect(response.data.note).toEqual({
          id: expect.stringMatching(/^cnote_/),
          customer_id: customerId,
          body: "Prefers delivery after 5pm",
          pinned: true,
          // Only the plugin's own audit entries are system notes, with a message.
          is_system: false,
          message: null,
          author_id: admin.user.id,
          author: {
            id: admin.user.id,
            email: admin.user.email,
            first_name: "Ada",
            last_name: "Admin",
          },
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })
        expect(await noteCount()).toEqual(1)
      })

      it("emits customer_note.created through the event bus", async () => {
        const capture = captureEvents(container)
        try {
          const note = await addNote("Event check")
          expect(capture.named("customer_note.created")).toEqual([
            expect.objectContaining({
              data: {
                event_id: expect.any(String),
                id: note.id,
                customer_id: customerId,
                actor_id: admin.user.id,
                pinned: false,
                is_system: false,
              },
            }),
          ])
        } finally {
          capture.stop()
        }
      })

      it.each([
        ["a missing body", {}, "body"],
        ["an empty body", { body: "" }, "Value for field 'body' too small, expected at least: '1'"],
        ["a whitespace-only body", { body: "   \n\t " }, "Value for field 'body' too small"],
        ["an oversized body", { body: "x".repeat(10_001) }, "Value for field 'body' too big, expected at most: '10000'"],
        ["a non-string body", { body: 42 }, "body"],
        ["a non-boolean pinned", { body: "ok", pinned: "yes" }, "pinned"],
        ["an unknown field", { body: "ok", author_id: "user_evil" }, "author_id"],
        [
          "a system note's message",
          { body: "ok", message: { key: "systemNotes.passwordSet", params: { admin: "Ada Admin" } } },
          "message",
        ],
      ])("refuses %s with 400 and writes nothing", async (_, payload, message) => {
        const response = await send(api.post(notesUrl(), payload, admin))

        expect(response.status).toEqual(400)
        expect(response.data).toEqual({
          type: "invalid_data",
          message: expect.stringContaining(message),
        })
        expect(await noteCount()).toEqual(0)
      })

      it("accepts a body of exactly 10,000 characters", async () => {
        const response = await api.post(notesUrl(), { body: "y".repeat(10_000) }, admin)
        expect(response.status).toEqual(200)
        expect(response.data.note.body).toHaveLength(10_000)
      })

      it("keeps markup as plain text", async () => {
        const body = `<img src=x onerror="alert(1)"> & "quotes"`
        const note = await addNote(body)
        expect(note.body).toEqual(body)
      })

      it("answers 404 for an unknown customer and writes nothing", async () => {
        const response = await send(api.post(notesUrl("cus_missing"), { body: "x" }, admin))
        expect(response.status).toEqual(404)
        expect(response.data.type).toEqual("not_found")
        expect(await noteCount()).toEqual(0)
      })

      it("answers 401 without an admin token", async () => {
        const response = await send(api.post(notesUrl(), { body: "x" }))
        expect(response.status).toEqual(401)
        expect(await noteCount()).toEqual(0)
      })
    })

    describe("GET /admin/customers/:id/notes", () => {
      it("lists pinned notes first, then newest first, with count and paging", async () => {
        const first = await addNote("first")
        const second = await addNote("second")
        const pinnedOld = await addNote("pinned old", { pinned: true })
        const third = await addNote("third", {}, otherAdmin)
        await api.post(notesUrl(otherCustomerId), { body: "other customer" }, admin)

        const page1 = await api.get(`${notesUrl()}?limit=2&offset=0`, admin)
        expect(page1.data).toEqual({
          notes: [
            expect.objectContaining({ id: pinnedOld.id, pinned: true }),
            expect.objectContaining({ id: third.id, body: "third" }),
          ],
          count: 4,
          limit: 2,
          offset: 0,
        })
        expect(page1.data.notes[1].author).toEqual({
          id: otherAdmin.user.id,
          email: "grace@example.com",
          first_name: "Grace",
          last_name: "Hopper",
        })

        const page2 = await api.get(`${notesUrl()}?limit=2&offset=2`, admin)
        expect(page2.data.notes.map((n: { id: string }) => n.id)).toEqual([
          second.id,
          first.id,
        ])

        const oldestFirst = await api.get(`${notesUrl()}?order=created_at`, admin)
        expect(oldestFirst.data.notes.map((n: { body: string }) => n.body)).toEqual([
          "pinned old",
          "first",
          "second",
          "third",
        ])
      })

      it("does not list deleted notes", async () => {
        const kept = await addNote("kept")
        const removed = await addNote("removed")
        await api.delete(`${notesUrl()}/${removed.id}`, admin)

        const { data } = await api.get(notesUrl(), admin)
        expect(data.count).toEqual(1)
        expect(data.notes.map((n: { id: string }) => n.id)).toEqual([kept.id])
      })

      it.each([
        ["limit=0", "Value for field 'limit' too small, expected at least: '1'"],
        ["limit=101", "Value for field 'limit' too big, expected at most: '100'"],
        ["limit=abc", "limit must be a whole number"],
        ["offset=-1", "offset must be a whole number"],
        ["order=body", "Expected: 'created_at, -created_at, updated_at, -updated_at' for field 'order'"],
        ["unknown=1", "unknown"],
      ])("refuses ?%s with 400", async (queryString, message) => {
        const response = await send(api.get(`${notesUrl()}?${queryString}`, admin))
        expect(response.status).toEqual(400)
        expect(response.data).toEqual({
          type: "invalid_data",
          message: expect.stringContaining(message),
        })
      })

      it("reads the fields it is asked for, and refuses names it does not know", async () => {
        const note = await addNote("Prefers phone calls")
        const one = (fields: string) =>
          send(api.get(`${notesUrl()}/${note.id}?fields=${encodeURIComponent(fields)}`, admin))
        const list = (fields: string) => send(api.get(`${notesUrl()}?fields=${encodeURIComponent(fields)}`, admin))

        expect((await one("id,body")).data.note).toEqual({ id: note.id, body: "Prefers phone calls" })
        expect((await one("-body,+author.email")).data.note).toEqual(
          expect.objectContaining({ id: note.id, author: expect.objectContaining({ email: admin.user.email }) })
        )
        expect((await one("-body")).data.note.body).toBeUndefined()
        expect((await list("id,pinned")).data.notes).toEqual([{ id: note.id, pinned: false }])
        // Object.prototype names made Medusa's ORM answer 500 (toString,
        // valueOf) or an SQL message (constructor); unknown names were
        // silently dropped.
        for (const fields of ["toString", "valueOf", "constructor", "__proto__", "hasOwnProperty", "nope", "id,customer.email", "*customer", "author.password_hash"]) {
          for (const response of [await one(fields), await list(fields)]) {
            expect({ fields, status: response.status }).toEqual({ fields, status: 400 })
            expect(response.data).toEqual({
              type: "invalid_data",
              message: expect.stringContaining("fields may only name id, customer_id, body"),
            })
          }
        }
      })

      it("returns a system note's message for the admin to show in the viewer's language", async () => {
        const own = await addNote("Called about the lock")
        await createCustomerNotesWorkflow(container).run({
          input: {
            notes: [
              {
                customer_id: customerId,
                author_id: admin.user.id,
                is_system: true,
                ...systemNoteText("systemNotes.ipUnblocked", { ip: "203.0.113.9", admin: "Ada Admin" }),
              },
            ],
          },
        })

        const { data } = await api.get(notesUrl(), admin)
        expect(data.notes).toEqual([
          expect.objectContaining({
            is_system: true,
            body: "Login block on IP 203.0.113.9 lifted by Ada Admin",
            message: { key: "systemNotes.ipUnblocked", params: { ip: "203.0.113.9", admin: "Ada Admin" } },
          }),
          expect.objectContaining({ id: own.id, is_system: false, message: null }),
        ])
        const system = data.notes[0]
        const one = await api.get(`${notesUrl()}/${system.id}?fields=id,message`, admin)
        expect(one.data.note).toEqual({ id: system.id, message: system.message })
        // Its text is fixed, in both forms.
        const rewrite = await send(
          api.post(`${notesUrl()}/${system.id}`, { message: { key: "systemNotes.passwordSet", params: { admin: "Eve" } } }, admin)
        )
        expect(rewrite.status).toEqual(400)
        expect((await api.get(`${notesUrl()}/${system.id}`, admin)).data.note.message).toEqual(system.message)
      })

      it("answers 404 for an unknown customer", async () => {
        const response = await send(api.get(notesUrl("cus_missing"), admin))
        expect(response.status).toEqual(404)
      })

      it("answers 401 without an admin token", async () => {
        await addNote("secret")
        const response = await send(api.get(notesUrl()))
        expect(response.status).toEqual(401)
        expect(JSON.stringify(response.data)).not.toContain("secret")
      })
    })

    describe("POST /admin/customers/:id/notes/:note_id", () => {
      it("lets the author edit the text", async () => {
        const note = await addNote("draft")
        const response = await api.post(`${notesUrl()}/${note.id}`, { body: "final" }, admin)

        expect(response.status).toEqual(200)
        expect(response.data.note).toEqual(
          expect.objectContaining({ id: note.id, body: "final", pinned: false })
        )
        expect(new Date(response.data.note.updated_at).getTime()).toBeGreaterThanOrEqual(
          new Date(note.updated_at).getTime()
        )
      })

      it("refuses a text edit by another admin with 403 and keeps the text", async () => {
        const note = await addNote("mine")
        const response = await send(
          api.post(`${notesUrl()}/${note.id}`, { body: "hijacked", pinned: true }, otherAdmin)
        )

        expect(response.status).toEqual(403)
        expect(response.data.message).toEqual(
          "Only the author of a note can change its text. You can still pin or unpin it."
        )
        const { data } = await api.get(`${notesUrl()}/${note.id}`, admin)
        expect(data.note).toEqual(expect.objectContaining({ body: "mine", pinned: false }))
      })

      it("lets any admin pin and unpin", async () => {
        const note = await addNote("pin me")
        const pinned = await api.post(`${notesUrl()}/${note.id}`, { pinned: true }, otherAdmin)
        expect(pinned.data.note.pinned).toEqual(true)
        expect(pinned.data.note.author_id).toEqual(admin.user.id)

        const unpinned = await api.post(`${notesUrl()}/${note.id}`, { pinned: false }, otherAdmin)
        expect(unpinned.data.note.pinned).toEqual(false)
      })

      it.each([
        ["an empty update", {}, "Provide body or pinned"],
        ["an empty body", { body: " " }, "Value for field 'body' too small"],
        ["an oversized body", { body: "z".repeat(10_001) }, "Value for field 'body' too big"],
        ["an unknown field", { customer_id: "cus_other" }, "customer_id"],
      ])("refuses %s with 400 and changes nothing", async (_, payload, message) => {
        const note = await addNote("unchanged")
        const response = await send(api.post(`${notesUrl()}/${note.id}`, payload, admin))

        expect(response.status).toEqual(400)
        expect(response.data.message).toContain(message)
        const { data } = await api.get(`${notesUrl()}/${note.id}`, admin)
        expect(data.note).toEqual(expect.objectContaining({ body: "unchanged", customer_id: customerId }))
      })

      it("answers 404 for a note of another customer and leaves it alone", async () => {
        const foreign = (
          await api.post(notesUrl(otherCustomerId), { body: "theirs" }, admin)
        ).data.note
        const response = await send(
          api.post(`${notesUrl()}/${foreign.id}`, { body: "moved?" }, admin)
        )
        expect(response.status).toEqual(404)
        const { data } = await api.get(`${notesUrl(otherCustomerId)}/${foreign.id}`, admin)
        expect(data.note.body).toEqual("theirs")
      })

      it("answers 401 without an admin token", async () => {
        const note = await addNote("locked")
        const response = await send(api.post(`${notesUrl()}/${note.id}`, { pinned: true }))
        expect(response.status).toEqual(401)
      })
    })

    describe("DELETE /admin/customers/:id/notes/:note_id", () => {
      it("soft-deletes the note", async () => {
        const note = await addNote("to delete")
        const response = await api.delete(`${notesUrl()}/${note.id}`, otherAdmin)

        expect(response.data).toEqual({ id: note.id, object: "customer_note", deleted: true })
        const missing = await send(api.get(`${notesUrl()}/${note.id}`, admin))
        expect(missing.status).toEqual(404)
        // Soft delete: the row is still there for auditing.
        expect(await noteCount()).toEqual(1)
      })

      it("answers 404 for a note id under the wrong customer", async () => {
        const note = await addNote("stay")
        const response = await send(api.delete(`${notesUrl(otherCustomerId)}/${note.id}`, admin))
        expect(response.status).toEqual(404)
        const { data } = await api.get(notesUrl(), admin)
        expect(data.count).toEqual(1)
      })

      it("answers 404 for an unknown note", async () => {
        const response = await send(api.delete(`${notesUrl()}/cnote_missing`, admin))
        expect(response.status).toEqual(404)
      })

      it("answers 401 without an admin token", async () => {
        const note = await addNote("stay")
        const response = await send(api.delete(`${notesUrl()}/${note.id}`))
        expect(response.status).toEqual(401)
        expect((await api.get(notesUrl(), admin)).data.count).toEqual(1)
      })
    })

    describe("store side", () => {
      it("never exposes notes to the customer, even when asked for", async () => {
        const publishableKey = await createPublishableKey(container)
        const shopper = await registerCustomer(api, publishableKey, {
          email: "shopper@example.com",
        })
        await api.post(
          `/admin/customers/${shopper.customer.id}/notes`,
          { body: "Internal: suspected reseller" },
          admin
        )

        for (const fields of ["*notes", "notes.body", "+notes.*", "*notes.author"]) {
          const response = await send(
            api.get(`/store/customers/me?fields=${encodeURIComponent(fields)}`, shopper)
          )
          expect(JSON.stringify(response.data)).not.toContain("suspected reseller")
          expect(JSON.stringify(response.data)).not.toContain("cnote_")
        }

        const direct = await send(
          api.get(`/store/customers/me/notes`, shopper)
        )
        expect(direct.status).toEqual(404)

        const adminRoute = await send(
          api.get(`/admin/customers/${shopper.customer.id}/notes`, shopper)
        )
        expect(adminRoute.status).toEqual(401)
      })
    })

    describe("query.graph link", () => {
      it("fetches a customer's notes through the read-only link", async () => {
        await addNote("linked")
        const query = container.resolve("query")
        const { data } = await query.graph({
          entity: "customer",
          fields: ["id", "notes.body", "notes.author.email"],
          filters: { id: customerId },
        })
        expect(data[0].notes).toEqual([
          expect.objectContaining({ body: "linked", author: expect.objectContaining({ email: admin.user.email }) }),
        ])
      })
    })
  },
})
