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
 * Refetches the given queries once a mutation settles, before the caller's
 * own `onSettled` runs, so a success toast meets fresh data. Also after an
 * error: a 404 usually means a colleague changed the data meanwhile.
 */
export const useInvalidatingOptions = <TData, TVariables>(
  queryKeys: QueryKey[],
  options?: MutationOptions<TData, TVariables>
): MutationOptions<TData, TVariables> => {
  const queryClient = useQueryClient()

  return {
    ...options,
    onSettled: async (data, error, variables, context) => {
      await Promise.all(
        queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))
      )
      await options?.onSettled?.(data, error, variables, context)
    },
  }
}
