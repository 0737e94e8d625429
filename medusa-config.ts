import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The plugin's own dev/test app. The plugin's modules are registered from
 * source with the same options a host passes under `plugins`; the root `src/`
 * (routes, links, subscribers, admin) loads as the app's own code.
 * A merchant's host app instead lists:
 *   plugins: [{ resolve: "medusa-customer-accounts", options: pluginOptions }]
 */
const pluginOptions = {}

const pluginModules = ["customer-note"].map((name) => ({
  resolve: `./src/modules/${name}`,
  options: pluginOptions,
}))

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
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
  modules: pluginModules,
})
