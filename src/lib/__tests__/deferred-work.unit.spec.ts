import { DEFERRAL_WINDOW_MS, deferredWork } from "../deferred-work"

describe("deferredWork", () => {
  const unexpected: unknown[] = []
  const fail = (error: unknown) => void unexpected.push(error)
  afterEach(async () => {
    await deferredWork.settled()
    expect(unexpected).toEqual([])
  })

  it("runs a job only after the window's minimum, never on the next turn of the event loop", async () => {
    const started = Date.now()
    let ranAt = 0
    deferredWork.schedule(async () => {
      ranAt = Date.now()
    }, fail)
    await new Promise((resolve) => setImmediate(resolve))
    expect(ranAt).toEqual(0)
    expect(deferredWork.size).toEqual(1)
    await deferredWork.settled()
    // Timers may fire a millisecond early.
    expect(ranAt - started).toBeGreaterThanOrEqual(DEFERRAL_WINDOW_MS.min - 1)
    expect(deferredWork.size).toEqual(0)
  })

  it("spreads jobs over the window instead of running them at one fixed delay", async () => {
    const delays: number[] = []
    const started = Date.now()
    for (let i = 0; i < 20; i++) {
      deferredWork.schedule(async () => void delays.push(Date.now() - started), fail)
    }
    await deferredWork.settled()
    expect(delays).toHaveLength(20)
    // 20 draws from 600 values: all equal within 50 ms has a chance below 1e-20.
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(50)
  })

  it("waits for jobs scheduled by a running job, and hands failures to the caller's handler", async () => {
    const errors: unknown[] = []
    let second = false
    deferredWork.schedule(async () => {
      deferredWork.schedule(async () => {
        second = true
        throw new Error("mail provider down")
      }, (error) => errors.push(error))
    }, fail)
    await deferredWork.settled()
    expect(second).toEqual(true)
    expect(errors.map((error) => (error as Error).message)).toEqual(["mail provider down"])
  })

  it("is one queue per process, whichever copy of the module a caller loaded", () => {
    jest.isolateModules(() => {
      const again = require("../deferred-work") as typeof import("../deferred-work")
      expect(again.deferredWork).toBe(deferredWork)
    })
  })
})
