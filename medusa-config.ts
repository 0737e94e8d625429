import path from "node:path"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// Medusa's TOTP factors encrypt their secrets with this key (read by
// defineConfig). The dev/test app has a fixed one so MFA works out of the
// box; a host app sets its own secret.
process.env.AUTH_MFA_ENCRYPTION_KEY ||= "medusa-customer-accounts dev app only"

/**
 * The plugin's own dev/test app. The plugin's modules are registered from
 * source with the same options a host passes under `plugins`; the root `src/`
 * (routes, links, subscribers, admin) loads as the app's own code.
 * A merchant's host app instead lists:
 *   plugins: [{ resolve: "medusa-customer-accounts", options: pluginOptions }]
 */
/**
 * The dev app shows every feature, so it turns on what is off by default.
 * `CAM_PLUGIN_OPTIONS` (JSON) overrides any of it; tests use it to boot the
 * app with other options.
 */
const pluginOptions = {
  passwordPolicy: { historySize: 3 },
  allowAdminSetPassword: true,
  // The specs and drills play the proxy in front of Medusa: they name the
  // client in X-Forwarded-For, and one hop of it is trusted.
  lockout: { trustedProxyHops: 1 },
  ...JSON.parse(process.env.CAM_PLUGIN_OPTIONS || "{}"),
}

const pluginModules = ["customer-accounts", "customer-note", "account-security", "account-activity", "customer-preference", "customer-group-rule"].map((name) => ({
  resolve: `./src/modules/${name}`,
  options: pluginOptions,
}))

/**
 * With `REDIS_URL` set the app runs as production deployments of several
 * instances do: Redis event bus, workflow engine, locking and caching. Without
 * it Medusa's in-process defaults serve a single dev server.
 */
const redisUrl = process.env.REDIS_URL
const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
        },
      },
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [{ resolve: "@medusajs/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } }],
        },
      },
    ]
  : []

/**
 * `CAM_SCRYPT_LOGN` sets the scrypt cost of Medusa's emailpass provider (its
 * `hashConfig` option, which a host app may set too). `npm test` sets 10 for
 * the HTTP specs: each hash or check then takes ~6 ms instead of ~200 ms, and
 * the specs hash thousands of passwords. Everything else (the dev app, the
 * admin, cluster and host suites) runs with Medusa's default of 15, and the
 * plugin follows whichever the provider uses (see password-policy/timing.ts).
 */
const scryptLogN = Number(process.env.CAM_SCRYPT_LOGN) || undefined
const authModule = scryptLogN
  ? [
      {
        resolve: "@medusajs/medusa/auth",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass", options: { hashConfig: { logN: scryptLogN, r: 8, p: 1 } } },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.ADMIN_DISABLED === "true",
  },
  featureFlags: redisUrl ? { caching: true } : {},
  modules: [
    ...pluginModules,
    ...redisModules,
    ...authModule,
    {
      // Reset and lock e-mails go through the Notification module. `npm run
      // dev` logs them in full (CAM_LOG_NOTIFICATIONS=true) so a developer can
      // follow a reset link; everywhere else a provider that never logs their
      // data (they hold live reset tokens). A host app configures a real one.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          process.env.CAM_LOG_NOTIFICATIONS === "true"
            ? { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["email"] } }
            : {
                // Absolute: Medusa resolves relative provider paths under ./src,
                // and this dev-app part is not shipped with the plugin.
                resolve: path.join(__dirname, "dev", "notification-outbox"),
                id: "outbox",
                options: { channels: ["email"], failWith: process.env.CAM_OUTBOX_FAIL, delayMs: Number(process.env.CAM_OUTBOX_DELAY_MS) || 0 },
              },
        ],
      },
    },
  ],
})
