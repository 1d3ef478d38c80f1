import { SELF } from "cloudflare:test";
import { expect, it } from "vitest";
it("answers healthz", async () => {
  const r = await SELF.fetch("https://podlab.test/healthz");
  expect(await r.text()).toBe("ok");
});
