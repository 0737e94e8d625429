// Each spec file boots its own Medusa app; MikroORM keeps entity metadata in
// a global store that must not leak from one app to the next.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
