import { errorReason } from "../error-reason"

describe("errorReason", () => {
  it("keeps only the cause of a knex error, with the driver's code", () => {
    const error = Object.assign(new Error(`insert into "notification" ("to") values ('jane@example.com') - connection refused`), {
      code: "ECONNREFUSED",
    })
    expect(errorReason(error)).toEqual("ECONNREFUSED connection refused")
  })

  it("reads the message of an error a workflow rethrew as a plain object", () => {
    expect(errorReason({ message: "Auth verification already exists.", name: "Error" })).toEqual("Auth verification already exists.")
  })

  it("falls back to the value itself", () => {
    expect(errorReason("boom")).toEqual("boom")
    expect(errorReason(null)).toEqual("null")
  })
})
