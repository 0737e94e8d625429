/**
 * Whether what the admin typed confirms an anonymization: the customer's
 * e-mail, compared as the anonymize route compares it (trimmed, any case).
 */
export const confirmsEmail = (typed: string, email: string) =>
  typed.trim().length > 0 &&
  typed.trim().toLowerCase() === email.trim().toLowerCase()

type NamedCustomer = {
  first_name: string | null
  last_name: string | null
  email: string | null
}

/**
 * What a list calls a customer: first and last name, else the e-mail (a
 * guest or an account that never gave a name); null when neither is known.
 */
export const customerDisplayName = ({
  first_name,
  last_name,
  email,
}: NamedCustomer): string | null => {
  const name = [first_name, last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ")
  return name || email?.trim() || null
}
