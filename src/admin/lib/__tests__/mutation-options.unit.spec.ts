import { describe, expect, it, jest } from "@jest/globals"
import { MutationObserver, QueryClient } from "@tanstack/react-query"

import { mutateThen } from "../mutation-options"

type Ended = { ended: number }

/**
 * A button whose own mutation removes it: react-query's observer of the
 * mutation (what `useMutation` holds) with one listener, the mounted
 * component, which goes away while the mutation settles, as the row of an
 * ended session does once the refetch awaited in `onSettled` shows it gone.
 */
const unmountingButton = (mutationFn: (id: string) => Promise<Ended>) => {
  let unmount = () => {}
  const observer = new MutationObserver<Ended, Error, string>(new QueryClient(), {
    mutationFn,
    onSettled: async () => {
      unmount()
    },
  })
  unmount = observer.subscribe(() => {})
  return observer
}

describe("mutateThen", () => {
  it("reports a success to a caller that unmounted while the mutation settled", async () => {
    const observer = unmountingButton(async () => ({ ended: 1 }))
    const onSuccess = jest.fn<(data: Ended) => void>()
    const onError = jest.fn<(error: Error) => void>()

    await mutateThen({ mutateAsync: (id: string) => observer.mutate(id) }, "sess_1", {
      onSuccess,
      onError,
    })

    expect(onSuccess).toHaveBeenCalledWith({ ended: 1 })
    expect(onError).not.toHaveBeenCalled()
  })

  it("reports a failure to a caller that unmounted, and its promise does not reject", async () => {
    const failure = new Error("Assisted session not found")
    const observer = unmountingButton(async () => {
      throw failure
    })
    const onSuccess = jest.fn<(data: Ended) => void>()
    const onError = jest.fn<(error: Error) => void>()

    await expect(
      mutateThen({ mutateAsync: (id: string) => observer.mutate(id) }, "sess_1", {
        onSuccess,
        onError,
      })
    ).resolves.toBeUndefined()

    expect(onError).toHaveBeenCalledWith(failure)
    expect(onSuccess).not.toHaveBeenCalled()
  })

  // Why the helper exists: the same mutation through `mutate`'s own
  // callbacks, as the components called it before, loses the toast. If
  // react-query ever stops dropping them, this fails and says so.
  it("is needed: react-query drops the callbacks given to mutate once the caller unmounted", async () => {
    const observer = unmountingButton(async () => ({ ended: 1 }))
    const onSuccess = jest.fn<(data: Ended) => void>()

    await observer.mutate("sess_1", { onSuccess })

    expect(onSuccess).not.toHaveBeenCalled()
    // Still mounted, the same callbacks run: it is the unmount that drops them.
    const mounted = new MutationObserver<Ended, Error, string>(new QueryClient(), {
      mutationFn: async () => ({ ended: 1 }),
    })
    const stop = mounted.subscribe(() => {})
    await mounted.mutate("sess_1", { onSuccess })
    stop()
    expect(onSuccess).toHaveBeenCalledWith({ ended: 1 }, "sess_1", undefined)
  })
})
