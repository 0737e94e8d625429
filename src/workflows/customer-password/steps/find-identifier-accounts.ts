import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { accountsOf, normalizeIdentifier } from "../../../lib/identity/auth-identity"

export const findIdentifierAccountsStepId = "cam-find-identifier-accounts"

/**
 * The normalized identifier of an e-mail and the customer account and Back
 * Office user behind it. Reads only: nothing to compensate.
 */
export const findIdentifierAccountsStep = createStep(
  findIdentifierAccountsStepId,
  async ({ email }: { email: string }, { container }) => {
    const accounts = await accountsOf(container, email)
    // `key`: the identity's own entity_id, which the lockout resolves to
    // that identity (its canonical form may name a look-alike's).
    return new StepResponse({ identifier: normalizeIdentifier(email), key: email, ...accounts })
  }
)
