import type { FetchError } from "@medusajs/js-sdk"
import {
  useQueryClient,
  type QueryKey,
  type UseMutationOptions,
} from "@tanstack/react-query"

/** What a mutation hook accepts from its caller (the hook owns `mutationFn`). */
export type MutationOptions<TData, TVariables> = Omit<
  UseMutationOptions<TData, FetchError, TVariables>,
  "mutationFn"
>

/**
 * How long after a mutation settled its `eventualKeys` are refetched once
 * more: what they show (the activity timeline) is written by event
 * subscribers, which may run a moment after the response.
 */
export const EVENTUAL_REFETCH_DELAY_MS = 2_000

/**
 * Refetches the given queries once a mutation settles, before the caller's
 * own `onSettled` runs, so a success toast meets fresh data. Also after an
 * error: a 404 usually means a colleague changed the data meanwhile.
 * `eventualKeys` are refetched then too, without waiting for them, and again
 * after `EVENTUAL_REFETCH_DELAY_MS`.
 */
export const useInvalidatingOptions = <TData, TVariables>(
  queryKeys: QueryKey[],
  options?: MutationOptions<TData, TVariables>,
  eventualKeys: QueryKey[] = []
): MutationOptions<TData, TVariables> => {
  const queryClient = useQueryClient()
  const invalidate = (keys: QueryKey[]) =>
    Promise.all(
      keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))
    )

  return {
    ...options,
    onSettled: async (data, error, variables, context) => {
      if (eventualKeys.length > 0) {
        // Not awaited: the caller's callbacks (a toast) must not wait for a
        // refetch that may not show the change yet; meanwhile the component
        // that called may unmount, and react-query then drops them. The
        // client outlives the component, so the later refetch still happens.
        void invalidate(eventualKeys)
        setTimeout(() => void invalidate(eventualKeys), EVENTUAL_REFETCH_DELAY_MS)
      }
      await invalidate(queryKeys)
      await options?.onSettled?.(data, error, variables, context)
    },
  }
}

/** What `mutateThen` runs once the mutation settled. */
export type MutationCallbacks<TData> = {
  onSuccess?: (data: TData) => void
  /** A `FetchError` for the plugin's hooks; its `message` is the API's. */
  onError?: (error: Error) => void
}

/**
 * Runs a mutation, then `onSuccess` or `onError`. Components use it instead
 * of `mutate(variables, { onSuccess, onError })`: react-query drops the
 * callbacks given to `mutate` once the component that called it has
 * unmounted, and the refetch `useInvalidatingOptions` awaits often removes
 * the very row whose button started the mutation (an ended assisted session,
 * an unblocked IP, a deleted note). Its toast then went missing. The promise
 * of `mutateAsync` settles whether or not the caller is still mounted. The
 * promise returned never rejects: a failure goes to `onError`.
 */
export const mutateThen = <TData, TVariables>(
  mutation: { mutateAsync: (variables: TVariables) => Promise<TData> },
  variables: TVariables,
  { onSuccess, onError }: MutationCallbacks<TData>
): Promise<void> =>
  mutation.mutateAsync(variables).then(
    (data) => onSuccess?.(data),
    (error: Error) => onError?.(error)
  )
