import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosInstance, AxiosResponse } from "axios"

export type AuthHeaders = { headers: Record<string, string> }

export type TestAdmin = AuthHeaders & {
  user: { id: string; email: string; first_name: string | null; last_name: string | null }
  token: string
}

/** Answers any status instead of throwing, so tests can assert 4xx bodies. */
export async function send<T = any>(
  request: Promise<AxiosResponse<T>>
): Promise<AxiosResponse<T>> {
  return request.catch((error) => {
    if (error?.response) {
      return error.response as AxiosResponse<T>
    }
    throw error
  })
}

/**
 * Creates an admin user with an emailpass identity, then logs in through the
 * real `/auth/user/emailpass` route to get a bearer token.
 */
export async function createAdmin(
  api: AxiosInstance,
  container: MedusaContainer,
  {
    email = "admin@example.com",
    password = "admin-password-1",
    first_name = "Ada",
    last_name = "Admin",
  }: { email?: string; password?: string; first_name?: string; last_name?: string } = {}
): Promise<TestAdmin> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email, first_name, last_name })
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email, password },
  } as any)
  if (error || !authIdentity) {
    throw new Error(`Could not register admin identity: ${error}`)
  }
  await authModule.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: user.id },
  })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return {
    user: { id: user.id, email, first_name, last_name },
    token: data.token,
    headers: { authorization: `Bearer ${data.token}` },
  }
}

/** Creates a publishable API key; store routes require its header. */
export async function createPublishableKey(
  container: MedusaContainer
): Promise<Record<string, string>> {
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const key = await apiKeyModule.createApiKeys({
    title: "Test storefront",
    type: "publishable",
    created_by: "test",
  })
  return { "x-publishable-api-key": key.token }
}

export type TestCustomer = AuthHeaders & {
  customer: { id: string; email: string }
  token: string
  email: string
  password: string
}

/**
 * Registers a customer account the way a storefront does: register the
 * identity, create the customer with the registration token, log in.
 */
export async function registerCustomer(
  api: AxiosInstance,
  publishableKey: Record<string, string>,
  {
    email = "jane@example.com",
    password = "a long and unusual passphrase 42",
    first_name = "Jane",
    last_name = "Doe",
  }: { email?: string; password?: string; first_name?: string; last_name?: string } = {}
): Promise<TestCustomer> {
  const registration = await api.post("/auth/customer/emailpass/register", {
    email,
    password,
  })
  const { data } = await api.post(
    "/store/customers",
    { email, first_name, last_name },
    {
      headers: {
        ...publishableKey,
        authorization: `Bearer ${registration.data.token}`,
      },
    }
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  return {
    customer: data.customer,
    token: login.data.token,
    email,
    password,
    headers: { ...publishableKey, authorization: `Bearer ${login.data.token}` },
  }
}
