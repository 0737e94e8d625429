// @ts-check
// A small fetch client for Medusa's HTTP API: the seeds and the API side of
// every check go through it (never through the database).
import { requestJson } from "../../tooling/http.mjs"

/**
 * @typedef {{ status: number, data: any }} ApiResponse
 * @typedef {Record<string, string>} Headers
 */

export class Api {
  /** @param {string} baseUrl */
  constructor(baseUrl) {
    this.baseUrl = baseUrl.replace(/\/$/, "")
    /** @type {Headers} */
    this.adminHeaders = {}
  }

  /**
   * Answers any status; `expectOk` turns non-2xx into an error.
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @param {Headers} [headers]
   * @returns {Promise<ApiResponse>}
   */
  async call(method, path, body, headers = {}) {
    const { status, data } = await requestJson(`${this.baseUrl}${path}`, { method, body, headers })
    return { status, data }
  }

  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   * @param {Headers} [headers]
   */
  async expectOk(method, path, body, headers) {
    const response = await this.call(method, path, body, headers)
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.data)?.slice(0, 300)}`)
    }
    return response.data
  }

  /** Admin token the way the dashboard gets one: `POST /auth/user/emailpass`. */
  /** @param {string} email @param {string} password */
  async loginAdmin(email, password) {
    const { token } = await this.expectOk("POST", "/auth/user/emailpass", { email, password })
    this.adminHeaders = { authorization: `Bearer ${token}` }
  }

  /** @param {string} path */
  adminGet(path) {
    return this.expectOk("GET", path, undefined, this.adminHeaders)
  }

  /** @param {string} path @param {unknown} [body] */
  adminPost(path, body = {}) {
    return this.expectOk("POST", path, body, this.adminHeaders)
  }

  /**
   * Customer login; answers the status (401 wrong password, 429 locked).
   * @param {string} email
   * @param {string} password
   * @param {Headers} [headers] e.g. the storefront's user agent and client IP
   */
  async customerLogin(email, password, headers) {
    return (await this.call("POST", "/auth/customer/emailpass", { email, password }, headers)).status
  }
}
