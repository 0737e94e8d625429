/**
 * Whether what the admin typed confirms an anonymization: the customer's
 * e-mail, compared as the anonymize route compares it (trimmed, any case).
 */
export const confirmsEmail = (typed: string, email: string) =>
  typed.trim().length > 0 &&
  typed.trim().toLowerCase() === email.trim().toLowerCase()
