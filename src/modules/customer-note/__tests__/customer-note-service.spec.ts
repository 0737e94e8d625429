import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_NOTE_MODULE } from ".."
import type CustomerNoteModuleService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<CustomerNoteModuleService>({
  moduleName: CUSTOMER_NOTE_MODULE,
  resolve: "./src/modules/customer-note",
  testSuite: ({ service }) => {
    describe("CustomerNoteModuleService", () => {
      it("creates notes with a prefixed id and unpinned by default", async () => {
        const note = await service.createCustomerNotes({
          customer_id: "cus_1",
          author_id: "user_1",
          body: "Calls before ordering",
        })

        expect(note).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^cnote_/),
            customer_id: "cus_1",
            author_id: "user_1",
            body: "Calls before ordering",
            pinned: false,
            deleted_at: null,
          })
        )
      })

      it("lists one customer's notes pinned first, then newest first", async () => {
        const [a, b, c] = await service.createCustomerNotes([
          { customer_id: "cus_1", author_id: "user_1", body: "a" },
          { customer_id: "cus_1", author_id: "user_1", body: "b", pinned: true },
          { customer_id: "cus_2", author_id: "user_1", body: "c" },
        ])
        const later = await service.createCustomerNotes({
          customer_id: "cus_1",
          author_id: "user_2",
          body: "d",
        })

        const [notes, count] = await service.listAndCountCustomerNotes(
          { customer_id: "cus_1" },
          { order: { pinned: "DESC", created_at: "DESC" } }
        )

        expect(count).toEqual(3)
        expect(notes.map((note) => note.id)).toEqual([b.id, later.id, a.id])
        expect(notes.map((note) => note.id)).not.toContain(c.id)
      })

      it("soft-deletes and restores", async () => {
        const note = await service.createCustomerNotes({
          customer_id: "cus_1",
          author_id: "user_1",
          body: "temporary",
        })

        await service.softDeleteCustomerNotes([note.id])
        expect(await service.listCustomerNotes({ customer_id: "cus_1" })).toEqual([])
        const [deleted] = await service.listCustomerNotes(
          { id: note.id },
          { withDeleted: true }
        )
        expect(deleted.deleted_at).not.toBeNull()

        await service.restoreCustomerNotes([note.id])
        const [restored] = await service.listCustomerNotes({ id: note.id })
        expect(restored.deleted_at).toBeNull()
      })

      it("updates the pinned flag without touching the text", async () => {
        const note = await service.createCustomerNotes({
          customer_id: "cus_1",
          author_id: "user_1",
          body: "keep me",
        })
        const updated = await service.updateCustomerNotes({ id: note.id, pinned: true })

        expect(updated).toEqual(
          expect.objectContaining({ id: note.id, pinned: true, body: "keep me" })
        )
      })
    })
  },
})
