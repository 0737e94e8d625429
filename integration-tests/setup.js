// Each spec file boots its own Medusa app; MikroORM keeps entity metadata in
// a global store that must not leak from one app to the next.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// Jest's console turns each log line into a block with a stack trace. Medusa's
// logger writes one JSON line per entry: let those lines reach the process
// streams as they are, so `npm test` can keep info lines in its log file only.
const { Console } = require("node:console")
global.console = new Console({ stdout: process.stdout, stderr: process.stderr })
