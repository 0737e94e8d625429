export const defaultAdminCustomerNoteFields = [
  "id",
  "customer_id",
  "body",
  "pinned",
  "is_system",
  "message",
  "author_id",
  "created_at",
  "updated_at",
  "author.id",
  "author.email",
  "author.first_name",
  "author.last_name",
]

/**
 * Everything `fields` may name (with Medusa's `+`, `-` and `*` prefixes): the
 * note's columns and its author's. Medusa strips other names and refuses to
 * order by them; the validators answer them with a 400 first.
 */
export const allowedAdminCustomerNoteFields = [
  ...defaultAdminCustomerNoteFields,
  "author",
  "author.*",
  "author.avatar_url",
]

export const retrieveCustomerNoteQueryConfig = {
  defaults: defaultAdminCustomerNoteFields,
  allowed: allowedAdminCustomerNoteFields,
  isList: false,
}

export const listCustomerNoteQueryConfig = {
  defaults: defaultAdminCustomerNoteFields,
  allowed: allowedAdminCustomerNoteFields,
  defaultLimit: 20,
  isList: true,
}
