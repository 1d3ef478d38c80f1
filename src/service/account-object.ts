import { DurableObject } from "cloudflare:workers";
export class AccountObject extends DurableObject {
  override async fetch(_req: Request): Promise<Response> { return new Response("account"); }
}
