import {
  useInfiniteQuery,
  useMutation,
} from "@tanstack/react-query"
import { useMemo } from "react"

import type {
  AdminCreateCustomerNote,
  AdminCustomerNote,
  AdminCustomerNoteDeleteResponse,
  AdminCustomerNoteListResponse,
  AdminCustomerNoteResponse,
  AdminUpdateCustomerNote,
} from "../../types/customer-note"
import { CUSTOMER_NOTES_PAGE_SIZE } from "../lib/customer-notes"
import {
  customerActivityKeys,
  customerNoteKeys,
  type CustomerNoteListKeyParams,
} from "../lib/query-keys"
import {
  useInvalidatingOptions,
  type MutationOptions,
} from "../lib/mutation-options"
import { sdk } from "../lib/sdk"

const notesPath = (customerId: string) =>
  `/admin/customers/${encodeURIComponent(customerId)}/notes`

const notePath = (customerId: string, noteId: string) =>
  `${notesPath(customerId)}/${encodeURIComponent(noteId)}`

/**
 * A customer's notes, pinned first then newest, one page per "Show more".
 * Returns the loaded notes flattened, the total `count`, and react-query's
 * infinite-query state (`fetchNextPage`, `hasNextPage`, ...).
 */
export const useCustomerNotes = (
  customerId: string,
  query: CustomerNoteListKeyParams = {}
) => {
  const params = { limit: CUSTOMER_NOTES_PAGE_SIZE, ...query }

  const { data, ...rest } = useInfiniteQuery({
    queryKey: customerNoteKeys.list(customerId, params),
    queryFn: ({ pageParam, signal }) =>
      sdk.client.fetch<AdminCustomerNoteListResponse>(notesPath(customerId), {
        query: { ...params, offset: pageParam },
        signal,
      }),
    initialPageParam: 0,
    getNextPageParam: (lastPage) => {
      const nextOffset = lastPage.offset + lastPage.notes.length
      return lastPage.notes.length > 0 && nextOffset < lastPage.count
        ? nextOffset
        : undefined
    },
  })

  const notes = useMemo(() => {
    // A note added or deleted between two page loads shifts the offsets, so
    // the same note can come back on two pages: keep its first occurrence.
    const seen = new Set<string>()
    const unique: AdminCustomerNote[] = []
    for (const note of data?.pages.flatMap((page) => page.notes) ?? []) {
      if (!seen.has(note.id)) {
        seen.add(note.id)
        unique.push(note)
      }
    }
    return unique
  }, [data])

  const count = data?.pages[data.pages.length - 1]?.count ?? 0

  return { notes, count, ...rest }
}

export const useCreateCustomerNote = (
  customerId: string,
  options?: MutationOptions<AdminCustomerNoteResponse, AdminCreateCustomerNote>
) => {
  return useMutation({
    mutationFn: (payload: AdminCreateCustomerNote) =>
      sdk.client.fetch<AdminCustomerNoteResponse>(notesPath(customerId), {
        method: "POST",
        body: payload,
      }),
    ...useInvalidatingOptions(
      [customerNoteKeys.customer(customerId)],
      options,
      [customerActivityKeys.customer(customerId)]
    ),
  })
}

/** Pins/unpins any note; only the author may change `body` (else 403). */
export const useUpdateCustomerNote = (
  customerId: string,
  noteId: string,
  options?: MutationOptions<AdminCustomerNoteResponse, AdminUpdateCustomerNote>
) => {
  return useMutation({
    mutationFn: (payload: AdminUpdateCustomerNote) =>
      sdk.client.fetch<AdminCustomerNoteResponse>(
        notePath(customerId, noteId),
        { method: "POST", body: payload }
      ),
    ...useInvalidatingOptions(
      [customerNoteKeys.customer(customerId)],
      options,
      [customerActivityKeys.customer(customerId)]
    ),
  })
}

export const useDeleteCustomerNote = (
  customerId: string,
  noteId: string,
  options?: MutationOptions<AdminCustomerNoteDeleteResponse, void>
) => {
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdminCustomerNoteDeleteResponse>(
        notePath(customerId, noteId),
        { method: "DELETE" }
      ),
    ...useInvalidatingOptions(
      [customerNoteKeys.customer(customerId)],
      options,
      [customerActivityKeys.customer(customerId)]
    ),
  })
}
