// CORS and security headers. Authority is only ever a bearer token (no cookies), so any origin
// may call the APIs from a web page (no CSRF exposure) and scripts need nothing special. API
// responses are never framed, sniffed, cached (they carry tokens) or rendered as a page.
// WebSocket upgrades (the web terminal) pass through untouched: their 101 response cannot be copied.
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";

const corsHandler = cors({
  origin: "*",
  allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
  // allowHeaders left empty: the preflight's Access-Control-Request-Headers are allowed back
  // (Authorization, Content-Type, client-go's headers...).
  exposeHeaders: ["Retry-After", "Warning", "Content-Disposition", "Audit-Id"],
  maxAge: 600,
});

const headersHandler = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: "DENY",
  crossOriginResourcePolicy: "cross-origin",
  crossOriginOpenerPolicy: false,
  referrerPolicy: "no-referrer",
});

const isUpgrade = (h: string | undefined) => !!h && h.toLowerCase() === "websocket";

/** CORS + security headers for the service API and the Kubernetes APIs. */
export const apiHeaders: MiddlewareHandler = async (c, next) => {
  if (isUpgrade(c.req.header("upgrade"))) return next();
  return corsHandler(c, async () => {
    await headersHandler(c, async () => {
      await next();
      if (c.req.path.startsWith("/v1/") && !c.res.headers.has("cache-control")) c.header("Cache-Control", "no-store");
    });
  });
};
