export const defaultAdminCustomerNoteFields = [
  "id",
  "customer_id",
  "body",
  "pinned",
  "author_id",
  "created_at",
  "updated_at",
  "author.id",
  "author.email",
  "author.first_name",
  "author.last_name",
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
