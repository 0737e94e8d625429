import { randomUUID } from "node:crypto"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { AssistanceEvents } from "../../../lib/events"
import { beginAssistedSessionStep, type BeginAssistedSessionStepInput } from "../steps/begin-assisted-session"
import { closeExpiredAssistanceStep } from "../steps/close-expired-assistance"
import { endAssistedSessionsStep, type EndedAssistedSession } from "../steps/end-assisted-sessions"
import { issueAssistanceCodeStep, type IssueAssistanceCodeStepInput } from "../steps/issue-assistance-code"
import { setAssistanceConsentStep } from "../steps/set-assistance-consent"

type Ended = { customer_id: string; by: string; ended_by: "admin" | "customer"; actor_id: string | null }

const endedEvents = ({ ended, input }: { ended: EndedAssistedSession[]; input: Ended }) =>
  ended.map((session) => ({
    event_id: randomUUID(),
    customer_id: input.customer_id,
    session_id: session.session_id,
    user_id: session.user_id,
    ended_by: input.ended_by,
    actor_id: input.actor_id,
  }))

export type SetAssistanceConsentWorkflowInput = {
  customer_id: string
  auth_identity_id: string
  allow: boolean
  hours: number | null
}

/**
 * The customer gives consent to assisted shopping (for `hours`, or until
 * taken back) or takes it back, which also ends the assisted sessions
 * running for them. Emits `customer_account.assistance_consent_changed`
 * (and `assistance_ended` for each session it ended).
 */
export const setAssistanceConsentWorkflow = createWorkflow(
  "cam-set-assistance-consent",
  (input: SetAssistanceConsentWorkflowInput) => {
    const consent = setAssistanceConsentStep({ customer_id: input.customer_id, allow: input.allow, hours: input.hours })
    const ended = when({ input }, ({ input }) => !input.allow).then(() =>
      endAssistedSessionsStep({ auth_identity_id: input.auth_identity_id, by: "customer" })
    )
    emitEventStep({
      eventName: AssistanceEvents.CONSENT_CHANGED,
      data: transform({ input, consent }, ({ input, consent }) => ({
        event_id: randomUUID(),
        customer_id: input.customer_id,
        allowed: consent.allowed,
        expires_at: consent.expires_at,
      })),
    }).config({ name: "emit-consent-changed" })
    const endedData = transform({ ended, input }, ({ ended, input }) =>
      endedEvents({
        ended: ended ?? [],
        input: { customer_id: input.customer_id, by: "customer", ended_by: "customer", actor_id: input.customer_id },
      })
    )
    when({ endedData }, ({ endedData }) => endedData.length > 0).then(() => {
      emitEventStep({ eventName: AssistanceEvents.ENDED, data: endedData }).config({ name: "emit-assistance-ended" })
    })
    return new WorkflowResponse(consent)
  }
)

export type StartAssistanceWorkflowInput = IssueAssistanceCodeStepInput

/**
 * A Back Office user starts assisting a customer: stores the one-time code
 * (its hash) the storefront exchanges within two minutes. The session begins
 * at the exchange (beginAssistedSessionWorkflow).
 */
export const startAssistanceWorkflow = createWorkflow("cam-start-assistance", (input: StartAssistanceWorkflowInput) => {
  return new WorkflowResponse(issueAssistanceCodeStep(input))
})

export type BeginAssistedSessionWorkflowInput = BeginAssistedSessionStepInput

/**
 * The storefront exchanged a code: records the assisted session and emits
 * `customer_account.assistance_started` (timeline, e-mail to the customer).
 */
export const beginAssistedSessionWorkflow = createWorkflow(
  "cam-begin-assisted-session",
  (input: BeginAssistedSessionWorkflowInput) => {
    const sessionId = beginAssistedSessionStep(input)
    emitEventStep({
      eventName: AssistanceEvents.STARTED,
      data: transform({ input, sessionId }, ({ input, sessionId }) => ({
        event_id: randomUUID(),
        customer_id: input.customer_id,
        user_id: input.user_id,
        session_id: sessionId,
        reason: input.reason,
        ends_at: input.ends_at,
      })),
    })
    return new WorkflowResponse(sessionId)
  }
)

export type EndAssistanceWorkflowInput = {
  customer_id: string
  auth_identity_id: string
  session_id?: string | null
  /** The Back Office user who ends it. */
  actor_id: string
}

/** A Back Office user ends a customer's assisted sessions (or one of them). */
export const endAssistanceWorkflow = createWorkflow("cam-end-assistance", (input: EndAssistanceWorkflowInput) => {
  const ended = endAssistedSessionsStep({
    auth_identity_id: input.auth_identity_id,
    session_id: input.session_id ?? null,
    by: transform({ input }, ({ input }) => `user:${input.actor_id}`),
  })
  const endedData = transform({ ended, input }, ({ ended, input }) =>
    endedEvents({
      ended,
      input: { customer_id: input.customer_id, by: `user:${input.actor_id}`, ended_by: "admin", actor_id: input.actor_id },
    })
  )
  when({ endedData }, ({ endedData }) => endedData.length > 0).then(() => {
    emitEventStep({ eventName: AssistanceEvents.ENDED, data: endedData })
  })
  return new WorkflowResponse(ended)
})

/** The scheduled job's: assisted sessions past `maxMinutes` are reported ended (by expiry), once each. */
export const closeExpiredAssistanceWorkflow = createWorkflow("cam-close-expired-assistance", () => {
  const closed = closeExpiredAssistanceStep()
  const data = transform({ closed }, ({ closed }) =>
    closed
      .filter((session) => session.customer_id)
      .map((session) => ({
        event_id: randomUUID(),
        customer_id: session.customer_id,
        session_id: session.session_id,
        user_id: session.user_id,
        ended_by: "expiry",
        actor_id: null,
      }))
  )
  when({ data }, ({ data }) => data.length > 0).then(() => {
    emitEventStep({ eventName: AssistanceEvents.ENDED, data })
  })
  return new WorkflowResponse(closed)
})
