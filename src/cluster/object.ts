import { DurableObject } from "cloudflare:workers";
export class ClusterObject extends DurableObject {
  override async fetch(_req: Request): Promise<Response> { return new Response("cluster"); }
}
