// @ts-check
import { confirmPrompt, expectToast, openAdminPage, widget } from "../lib/browser.mjs"
import { activityLine, expectNoSystemNotes, waitForActivity } from "../lib/activity.mjs"
import { expect } from "../lib/checks.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/types/customer-note").AdminCustomerNote} AdminCustomerNote
 */

/**
 * The date and time of a lock's end as the Activity card writes it: the
 * browser runs with locale en-US in Europe/Berlin (lib/browser.mjs), the
 * zone named (formatDateTimeWithZone in src/admin/lib/date-format.ts).
 * Spaces normalised: ICU versions differ in the space before AM/PM.
 * @param {string} iso
 */
const lockEnd = (iso) =>
  new Intl.DateTimeFormat("en", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone: "Europe/Berlin",
  })
    .format(new Date(iso))
    .replace(/\s+/g, " ")

/**
 * Notes widget: the seeded notes (and no system note: the plugin's lock is
 * in the Activity card instead), then add, edit and delete one.
 * @param {SpecContext} ctx
 */
export async function customerNotesSpec({ runner, page, api, seed, admin, screenshot }) {
  const notes = widget(page, "Notes")
  /** @param {string} body */
  const noteArticle = (body) => notes.locator("article").filter({ hasText: body })
  const listNotes = async () =>
    /** @type {AdminCustomerNote[]} */ ((await api.adminGet(`/admin/customers/${seed().customer.id}/notes?limit=100`)).notes)

  await runner.check("customer notes: shows the seeded notes, pinned first, with author and badge", async () => {
    await openAdminPage(page, `/app/customers/${seed().customer.id}`)
    const { pinned, plain } = seed().notes
    await noteArticle(pinned.body).waitFor()
    await noteArticle(plain.body).waitFor()
    const first = notes.locator("article").first()
    expect((await first.innerText()).includes(pinned.body), "the pinned note is not the first one")
    expect(await first.getByText("Pinned", { exact: true }).isVisible(), "the pinned note has no Pinned badge")
    expect(await noteArticle(plain.body).getByText(admin.email, { exact: true }).isVisible(), "the author's e-mail is not shown")
    const fromApi = await listNotes()
    expect((await notes.locator("article").count()) === fromApi.length, `the page shows ${await notes.locator("article").count()} notes, the API ${fromApi.length}`)
  })

  await runner.check("customer notes: the plugin's lock is an Activity entry by System (not a deleted user), no longer a system note", async () => {
    const customerId = seed().customer.id
    const lock = await waitForActivity(api, customerId, "account.locked", (activity) => activity.type === "account.locked")
    expect(
      lock.actor.type === "system" && lock.actor.id === null && lock.actor.name === null,
      `the lock entry's actor: ${JSON.stringify(lock.actor)}`
    )
    expect(lock.kind === "security", `the lock entry's kind is ${lock.kind}`)
    const lockedUntil = lock.data.locked_until
    expect(typeof lockedUntil === "string", `the lock entry has no end: ${JSON.stringify(lock.data)}`)
    const lockCount = lock.data.lock_count

    // The page writes the lock's end in the viewer's locale and time zone, naming the zone.
    const until = lockEnd(lockedUntil)
    const expected =
      typeof lockCount === "number" ? `Account locked until ${until} (lock #${lockCount} in 24 h)` : `Account locked until ${until}`
    const { item, message, text } = await activityLine(page, lock)
    expect(message === expected, `the lock entry reads "${message}", expected "${expected}"`)
    expect((await item.getByText("System", { exact: true }).count()) === 1, `the lock entry names no System actor: ${text}`)
    expect(!text.includes("Deleted user") && !text.includes("Admin user"), `the lock entry is attributed to a user: ${text}`)

    await expectNoSystemNotes(api, notes, customerId)
    const lockNote = (await listNotes()).find((note) => note.body.startsWith("Account locked until"))
    expect(!lockNote, `the API still lists a lock note: ${lockNote?.body}`)
    expect((await noteArticle("Account locked until").count()) === 0, "the Notes card still shows a lock note")
  })

  const added = "Asked for a callback on Monday."
  const edited = "Asked for a callback on Tuesday instead."

  await runner.check("customer notes: adds a note (page and API)", async () => {
    const textbox = notes.getByRole("textbox", { name: "Note" })
    await textbox.fill(added)
    await notes.getByRole("button", { name: "Save", exact: true }).click()
    await expectToast(page, "Note added")
    await noteArticle(added).waitFor()
    expect((await textbox.inputValue()) === "", "the form was not cleared")
    const note = (await listNotes()).find((candidate) => candidate.body === added)
    expect(note, "the API does not list the new note")
    expect(note.author?.email === admin.email, `author ${note.author?.email}`)
  })

  await runner.check("customer notes: edits own note in the drawer (page and API)", async () => {
    await noteArticle(added).getByRole("button", { name: "Note actions" }).click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    const drawer = page.getByRole("dialog", { name: "Edit note" })
    await drawer.getByRole("textbox", { name: "Note" }).fill(edited)
    await drawer.getByRole("button", { name: "Save", exact: true }).click()
    await expectToast(page, "Note updated")
    await drawer.waitFor({ state: "hidden" })
    await noteArticle(edited).waitFor()
    expect((await noteArticle(added).count()) === 0, "the old text is still shown")
    const bodies = (await listNotes()).map((note) => note.body)
    expect(bodies.includes(edited) && !bodies.includes(added), `API bodies: ${bodies.join(" | ")}`)
  })

  await runner.check("customer notes: closing the edit drawer with unsaved changes asks first; Keep editing keeps them, Discard drops them", async () => {
    const actions = noteArticle(edited).getByRole("button", { name: "Note actions" })
    const drawer = page.getByRole("dialog", { name: "Edit note" })
    const textbox = drawer.getByRole("textbox", { name: "Note" })
    const discardPrompt = page.getByRole("alertdialog").filter({ hasText: "Discard unsaved changes?" })
    // Unchanged: Cancel closes at once.
    await actions.click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    await drawer.getByRole("button", { name: "Cancel", exact: true }).click()
    await drawer.waitFor({ state: "hidden" })
    expect((await discardPrompt.count()) === 0, "an unchanged drawer asked before closing")

    const draft = "A draft that is never saved."
    await actions.click()
    await page.getByRole("menuitem", { name: "Edit" }).click()
    await textbox.fill(draft)
    await drawer.getByRole("button", { name: "Cancel", exact: true }).click()
    await discardPrompt.getByRole("button", { name: "Keep editing", exact: true }).click()
    await discardPrompt.waitFor({ state: "hidden" })
    expect((await textbox.inputValue()) === draft, `the drawer holds "${await textbox.inputValue()}" after Keep editing`)
    await page.keyboard.press("Escape")
    await discardPrompt.getByRole("button", { name: "Discard", exact: true }).click()
    await drawer.waitFor({ state: "hidden" })
    await noteArticle(edited).waitFor()
    expect((await noteArticle(draft).count()) === 0, "the discarded draft is shown as a note")
    const bodies = (await listNotes()).map((note) => note.body)
    expect(bodies.includes(edited) && !bodies.includes(draft), `API bodies: ${bodies.join(" | ")}`)
  })

  await runner.check("customer notes: deletes a note after confirmation (page and API)", async () => {
    const note = (await listNotes()).find((candidate) => candidate.body === edited)
    expect(note, "the edited note is missing from the API")
    await noteArticle(edited).getByRole("button", { name: "Note actions" }).click()
    await page.getByRole("menuitem", { name: "Delete" }).click()
    await confirmPrompt(page, "Delete")
    await expectToast(page, "Note deleted")
    await noteArticle(edited).waitFor({ state: "detached" })
    const single = await api.call("GET", `/admin/customers/${seed().customer.id}/notes/${note.id}`, undefined, api.adminHeaders)
    expect(single.status === 404, `GET of the deleted note answered ${single.status}`)
    expect(!(await listNotes()).some((candidate) => candidate.id === note.id), "the API still lists the deleted note")
    await screenshot("customer-notes", notes)
  })
}
