import { isIPv6 } from "node:net"
import fc from "fast-check"
import { canonicalIp, ipNetwork } from "../ip-address"

describe("canonicalIp", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    [" 203.0.113.9 ", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["::FFFF:203.0.113.9", "203.0.113.9"],
    ["::ffff:cb00:7109", "203.0.113.9"],
    ["0:0:0:0:0:ffff:cb00:7109", "203.0.113.9"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8::0:1", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["::", "::"],
    ["::1", "::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["1:0:0:0:0:0:0:0", "1::"],
    ["64:ff9b::203.0.113.9", "64:ff9b::cb00:7109"],
  ])("%s -> %s", (raw, expected) => {
    expect(canonicalIp(raw)).toEqual(expected)
  })

  it.each(["", "garbage", "1.2.3", "256.1.1.1", "1.2.3.4, 5.6.7.8", "::ffff:1.2.3.4.5", "1::2::3", "x".repeat(6000)])(
    "refuses non-address #%#",
    (raw) => {
      expect(canonicalIp(raw)).toBeNull()
    }
  )

  it("gives every spelling of an IPv6 address the same canonical form, itself a valid address", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
        fc.boolean(),
        (groups, upper) => {
          const full = groups.map((group) => group.toString(16).padStart(4, "0")).join(":")
          const short = groups.map((group) => group.toString(16)).join(":")
          const canonical = canonicalIp(upper ? full.toUpperCase() : full)
          expect(canonical).not.toBeNull()
          expect(canonicalIp(short)).toEqual(canonical)
          // Idempotent, and never longer than the shortest spelling.
          expect(canonicalIp(canonical!)).toEqual(canonical)
          expect(canonical!.length).toBeLessThanOrEqual(short.length)
          if (!canonical!.includes(".")) {
            expect(isIPv6(canonical!)).toBe(true)
          }
        }
      )
    )
  })
})

describe("ipNetwork", () => {
  it.each([
    ["203.0.113.9", "203.0.113.0/24"],
    ["203.0.113.250", "203.0.113.0/24"],
    ["::ffff:203.0.113.9", "203.0.113.0/24"],
    ["2001:db8:1:2::5", "2001:db8:1::/48"],
    ["2001:DB8:0001:ffff::1", "2001:db8:1::/48"],
    ["not an ip", null],
  ])("%s is in %s", (ip, network) => {
    expect(ipNetwork(ip)).toEqual(network)
  })

  it("puts two addresses in one network exactly when their first 24 (IPv4) bits agree", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.ipV4(), (a, b) => {
        const same = a.split(".").slice(0, 3).join(".") === b.split(".").slice(0, 3).join(".")
        expect(ipNetwork(a) === ipNetwork(b)).toBe(same)
      })
    )
  })
})
