import { LINK_IN_DELIVERY, linkPrefix, linkRedactor, redactStrings } from "../live-links"

describe("live links in stored notifications", () => {
  const reset = "https://shop.example/account/reset-password?token={token}&email={email}"
  const verify = "https://shop.example/verify/{email}/{token}"

  it("takes a template's fixed start as the link prefix", () => {
    expect(linkPrefix(reset)).toEqual("https://shop.example/account/reset-password?token=")
    expect(linkPrefix(verify)).toEqual("https://shop.example/verify/")
    expect(linkPrefix("{token}")).toEqual("")
  })

  it("replaces each link, in text, HTML attributes and JSON values, up to its end", () => {
    const redact = linkRedactor([linkPrefix(reset), linkPrefix(verify)])
    const link = "https://shop.example/account/reset-password?token=eyJ.a-b_c&email=jane%40example.com"
    expect(redact(`Reset it: ${link}\nThanks`)).toEqual(`Reset it: ${LINK_IN_DELIVERY}\nThanks`)
    expect(redact(`<a href="${link.replace("&", "&amp;")}">reset</a>`)).toEqual(`<a href="${LINK_IN_DELIVERY}">reset</a>`)
    expect(redact(link)).toEqual(LINK_IN_DELIVERY)
    expect(redact("https://shop.example/verify/jane%40example.com/123456 ok")).toEqual(`${LINK_IN_DELIVERY} ok`)
    expect(redact("https://shop.example/account/orders")).toEqual("https://shop.example/account/orders")
  })

  it("ignores prefixes too short to name a link", () => {
    expect(linkRedactor(["http://", ""])("http://a.example/x")).toEqual("http://a.example/x")
  })

  it("walks a whole answer, keeping keys and non-strings", () => {
    const redact = linkRedactor([linkPrefix(reset)])
    const when = new Date(0)
    const body = {
      notifications: [
        { id: "noti_1", data: { reset_url: "https://shop.example/account/reset-password?token=x", n: 1, ok: true, at: when } },
        { id: "noti_2", content: { text: "no link" }, to: null },
      ],
    }
    expect(redactStrings(body, redact)).toEqual({
      notifications: [
        { id: "noti_1", data: { reset_url: LINK_IN_DELIVERY, n: 1, ok: true, at: when } },
        { id: "noti_2", content: { text: "no link" }, to: null },
      ],
    })
  })
})
