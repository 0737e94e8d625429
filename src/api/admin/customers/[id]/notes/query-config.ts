export const defaultAdminCustomerNoteFields = [
  "id",
  "customer_id",
  "body",
  "pinned",
  "is_system",
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
 * note's columns and its author's. The validators refuse other names.
 */
export const allowedAdminCustomerNoteFields = [
  ...defaultAdminCustomerNoteFields,
  "author",
  "author.*",
  "author.avatar_url",
]

export const retrieveCustomerNoteQueryConfig = {
  defaults: defaultAdminCustomerNoteFields,
  isList: false,
}

export const listCustomerNoteQueryConfig = {
  defaults: defaultAdminCustomerNoteFields,
  defaultLimit: 20,
  isList: true,
}
