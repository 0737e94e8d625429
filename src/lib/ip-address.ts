import { isIPv4, isIPv6 } from "node:net"

/**
 * One spelling per IP address, so that counters, blocks, the attempt log and
 * an admin's unblock all name an address the same way:
 * - IPv4 as dotted decimal (`203.0.113.9`);
 * - IPv4-mapped IPv6 (`::ffff:203.0.113.9`, `::FFFF:cb00:7109`) as the IPv4
 *   address it maps, which is how dual-stack sockets report IPv4 clients;
 * - other IPv6 in RFC 5952 form: lower case, leading zeros dropped, the
 *   longest run of zero groups compressed (`2001:db8::1`). A zone id
 *   (`fe80::1%eth0`) is dropped: it names an interface, not an address.
 *
 * Returns null for anything that is not an IP address.
 */
export function canonicalIp(raw: string): string | null {
  const value = raw.trim()
  if (isIPv4(value)) {
    return value
  }
  const address = value.replace(/%.*$/, "")
  if (!isIPv6(address)) {
    return null
  }
  const groups = ipv6Groups(address)
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return `${groups[6] >> 8}.${groups[6] & 0xff}.${groups[7] >> 8}.${groups[7] & 0xff}`
  }
  return compressIpv6(groups)
}

/** The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail included). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase()
  const ipv4Tail = text.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/)
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number)
    text = `${text.slice(0, ipv4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null]
  const parse = (part: string) => (part ? part.split(":").map((group) => parseInt(group, 16)) : [])
  const left = parse(head)
  if (tail === null) {
    return left
  }
  const right = parse(tail)
  return [...left, ...Array(8 - left.length - right.length).fill(0), ...right]
}

/** RFC 5952 section 4: compress the longest run (the first of equals) of two or more zero groups. */
function compressIpv6(groups: number[]): string {
  let bestStart = -1
  let bestLength = 1
  for (let start = 0; start < 8; ) {
    if (groups[start] !== 0) {
      start += 1
      continue
    }
    let end = start
    while (end < 8 && groups[end] === 0) {
      end += 1
    }
    if (end - start > bestLength) {
      bestStart = start
      bestLength = end - start
    }
    start = end
  }
  const hex = groups.map((group) => group.toString(16))
  if (bestStart < 0) {
    return hex.join(":")
  }
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`
}

/**
 * The network an address belongs to, as a device check compares them: the
 * IPv4 /24 (`203.0.113.0/24`) or the IPv6 /48 (`2001:db8:1::/48`), the
 * usual size of one site's allocation. Null for anything that is not an IP.
 */
export function ipNetwork(raw: string): string | null {
  const ip = canonicalIp(raw)
  if (!ip) {
    return null
  }
  if (isIPv4(ip)) {
    return `${ip.split(".").slice(0, 3).join(".")}.0/24`
  }
  const groups = ipv6Groups(ip)
  return `${compressIpv6([...groups.slice(0, 3), 0, 0, 0, 0, 0])}/48`
}
