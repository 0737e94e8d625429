/**
 * Preloaded into a bench server (`NODE_OPTIONS=--require …/server-timing.cjs`):
 * every response carries `Server-Timing: app;dur=<ms>`, the time from the
 * request's arrival (headers parsed, Node's `request` event) until the
 * response head is written, which Express does once the handler has built
 * and serialized the body. Everything Medusa does for the request is inside
 * (middlewares, authentication, validation, the route, JSON); the network,
 * the client and writing the body to the socket are not.
 */
const http = require("node:http")

const arrived = Symbol("camBenchArrived")

const emit = http.Server.prototype.emit
http.Server.prototype.emit = function (event, request, response) {
  if (event === "request" && response) {
    response[arrived] = process.hrtime.bigint()
  }
  return emit.apply(this, arguments)
}

const writeHead = http.ServerResponse.prototype.writeHead
http.ServerResponse.prototype.writeHead = function () {
  const start = this[arrived]
  if (start !== undefined && !this.headersSent) {
    this.setHeader("server-timing", `app;dur=${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(3)}`)
  }
  return writeHead.apply(this, arguments)
}
