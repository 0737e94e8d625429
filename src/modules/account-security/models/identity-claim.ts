import { model } from "@medusajs/framework/utils"

/**
 * The canonical form of an emailpass identity's e-mail (lib/identity), one
 * row per canonical form: what makes "one identity per address" hold. A
 * registration claims its canonical form (the unique index decides between
 * concurrent ones) before Medusa creates the identity, and gives it back if
 * Medusa's registration fails; `auth_identity_id` is set once it exists.
 * Medusa's `provider_identity` has no index on a canonical form (and is not
 * the plugin's to index), so this table is also how a registration finds a
 * look-alike without scanning it. Backfilled by the migration from existing
 * identities (the oldest of a look-alike pair holds the claim;
 * `npx medusa exec ./src/scripts/report-lookalike-identities.ts` lists pairs).
 */
const IdentityClaim = model
  .define("identity_claim", {
    id: model.id({ prefix: "idcl" }).primaryKey(),
    canonical: model.text(),
    /** The identity's `entity_id` exactly as Medusa stores it. */
    entity_id: model.text(),
    auth_identity_id: model.text().nullable(),
  })
  .indexes([
    { on: ["canonical"], unique: true, where: "deleted_at IS NULL" },
    { on: ["auth_identity_id"], where: "deleted_at IS NULL" },
  ])

export default IdentityClaim
