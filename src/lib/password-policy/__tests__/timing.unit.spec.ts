import { burnPasswordCheck } from "../timing"

describe("burnPasswordCheck", () => {
  it("never accepts a password, including the stand-in's own text", async () => {
    expect(await burnPasswordCheck("anything")).toEqual(false)
    expect(await burnPasswordCheck("not a real account, only a timing stand-in")).toEqual(false)
    expect(await burnPasswordCheck("")).toEqual(false)
  })
})
