// @ts-check
import { confirmPrompt, expectToast, openAdminPage, widget } from "../lib/browser.mjs"
import { expect } from "../lib/checks.mjs"

/**
 * @typedef {import("../lib/context.mjs").SpecContext} SpecContext
 * @typedef {import("../../src/types/customer-note").AdminCustomerNote} AdminCustomerNote
 */

/**
 * Notes widget: the seeded notes, then add, edit and delete one.
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

  await runner.check("customer notes: the lock note written by the plugin is labelled System, not as a deleted user", async () => {
    const lockNote = (await listNotes()).find((note) => note.body.startsWith("Account locked until"))
    expect(lockNote, "the API has no lock note")
    // The page writes the lock's end in the viewer's time zone, the stored body in UTC.
    const article = notes.locator("article").filter({ hasText: /Account locked until .+ after repeated failed logins/ })
    await article.waitFor()
    expect(await article.getByText("System", { exact: true }).isVisible(), `the lock note reads: ${await article.innerText()}`)
    expect((await article.getByText("Deleted user").count()) === 0, "the lock note is attributed to a deleted user")
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
