// `kubectl get svc,ep,endpointslices -o wide` rows.
import { describe, expect, it } from "vitest";
import type { KObject } from "../registry/types";
import { printerFor } from "./index";

const now = new Date("2025-05-01T10:00:00Z");
const ago = (sec: number) => new Date(now.getTime() - sec * 1000).toISOString().replace(/\.000Z$/, "Z");

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function svc(name: string, spec: Json, status: Json = { loadBalancer: {} }): KObject {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace: "default", creationTimestamp: ago(5940) }, spec: { sessionAffinity: "None", ipFamilies: ["IPv4"], ...spec }, status };
}

describe("service printer", () => {
  const p = printerFor("", "services");

  it("has the upstream columns", () => {
    expect(p.columns.map((c) => `${c.name}:${c.priority}`)).toEqual(["Name:0", "Type:0", "Cluster-IP:0", "External-IP:0", "Port(s):0", "Age:0", "Selector:1"]);
  });

  it("prints the kubernetes service and a NodePort service", () => {
    const kubernetes = svc("kubernetes", { type: "ClusterIP", clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"], ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] });
    expect(p.cells(kubernetes, now)).toEqual(["kubernetes", "ClusterIP", "10.96.0.1", "<none>", "443/TCP", "99m", "<none>"]);
    const web = svc("web", { type: "NodePort", clusterIP: "10.107.32.9", clusterIPs: ["10.107.32.9"], selector: { app: "web", tier: "fe" },
      ports: [{ port: 80, protocol: "TCP", targetPort: 80, nodePort: 30080 }, { name: "dns", port: 53, protocol: "UDP", targetPort: 53, nodePort: 31053 }] });
    expect(p.cells(web, now)).toEqual(["web", "NodePort", "10.107.32.9", "<none>", "80:30080/TCP,53:31053/UDP", "99m", "app=web,tier=fe"]);
  });

  it("prints <pending>, load-balancer addresses and external IPs", () => {
    const lb = (status: Json, externalIPs?: string[]) => svc("lb", { type: "LoadBalancer", clusterIP: "10.96.10.10", clusterIPs: ["10.96.10.10"], ports: [{ port: 80, protocol: "TCP", nodePort: 31234 }], ...(externalIPs ? { externalIPs } : {}) }, status);
    expect(p.cells(lb({ loadBalancer: {} }), now)[3]).toBe("<pending>");
    expect(p.cells(lb({ loadBalancer: { ingress: [{ ip: "172.18.0.5" }, { hostname: "lb.example.com" }] } }), now)[3]).toBe("172.18.0.5,lb.example.com");
    expect(p.cells(lb({ loadBalancer: { ingress: [{ ip: "172.18.0.5" }] } }, ["1.2.3.4"]), now)[3]).toBe("172.18.0.5,1.2.3.4");
    expect(p.cells(svc("c", { type: "ClusterIP", clusterIP: "10.96.0.20", externalIPs: ["80.11.12.10"], ports: [{ port: 80, protocol: "TCP" }] }), now)[3]).toBe("80.11.12.10");
  });

  it("prints headless and ExternalName services", () => {
    const headless = svc("nginx", { type: "ClusterIP", clusterIP: "None", clusterIPs: ["None"], selector: { app: "nginx" }, ports: [{ name: "web", port: 80, protocol: "TCP" }] });
    expect(p.cells(headless, now).slice(1, 5)).toEqual(["ClusterIP", "None", "<none>", "80/TCP"]);
    const ext = svc("db", { type: "ExternalName", externalName: "db.example.com" });
    expect(p.cells(ext, now).slice(1, 5)).toEqual(["ExternalName", "<none>", "db.example.com", "<none>"]);
  });
});

describe("endpoints printer", () => {
  const p = printerFor("", "endpoints");
  const ep = (subsets?: Json[]): KObject => ({ apiVersion: "v1", kind: "Endpoints", metadata: { name: "web", namespace: "default", creationTimestamp: ago(30) }, ...(subsets ? { subsets } : {}) });

  it("prints ip:port pairs, at most three", () => {
    expect(p.cells(ep([{ addresses: [{ ip: "192.168.49.2" }], ports: [{ name: "https", port: 8443, protocol: "TCP" }] }]), now)).toEqual(["web", "192.168.49.2:8443", "30s"]);
    const five = [{ addresses: ["10.244.0.5", "10.244.0.6", "10.244.1.3", "10.244.1.4", "10.244.2.2"].map((ip) => ({ ip })), ports: [{ port: 80, protocol: "TCP" }] }];
    expect(p.cells(ep(five), now)[1]).toBe("10.244.0.5:80,10.244.0.6:80,10.244.1.3:80 + 2 more...");
    expect(p.cells(ep([{ addresses: [{ ip: "10.244.0.5" }, { ip: "fd00::5" }], ports: [{ port: 53, protocol: "UDP" }, { port: 53, protocol: "TCP" }] }]), now)[1])
      .toBe("10.244.0.5:53,[fd00::5]:53,10.244.0.5:53 + 1 more...");
  });

  it("prints <none> without subsets and bare IPs for headless subsets without ports", () => {
    expect(p.cells(ep(), now)[1]).toBe("<none>");
    expect(p.cells(ep([{ notReadyAddresses: [{ ip: "10.244.0.9" }], ports: [{ port: 80 }] }]), now)[1]).toBe("");
    expect(p.cells(ep([{ addresses: [{ ip: "10.244.0.5" }] }]), now)[1]).toBe("10.244.0.5");
  });
});

describe("endpointslice printer", () => {
  it("prints address type, ports and endpoints", () => {
    const p = printerFor("discovery.k8s.io", "endpointslices");
    const slice: KObject = {
      apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: { name: "kubernetes", namespace: "default", creationTimestamp: ago(5940), labels: { "kubernetes.io/service-name": "kubernetes" } },
      addressType: "IPv4", endpoints: [{ addresses: ["192.168.49.2"], conditions: { ready: true } }], ports: [{ name: "https", port: 8443, protocol: "TCP" }],
    };
    expect(p.columns.map((c) => c.name)).toEqual(["Name", "AddressType", "Ports", "Endpoints", "Age"]);
    expect(p.cells(slice, now)).toEqual(["kubernetes", "IPv4", "8443", "192.168.49.2", "99m"]);
    const empty = { ...slice, endpoints: [], ports: null };
    expect(p.cells(empty, now).slice(2, 4)).toEqual(["<unset>", "<unset>"]);
    const many = { ...slice, ports: [{ port: 80 }, { name: "metrics" }, {}, { port: 9090 }], endpoints: ["a", "b", "c", "d", "e"].map((x, i) => ({ addresses: [`10.0.0.${i}`], hostname: x })) };
    expect(p.cells(many, now).slice(2, 4)).toEqual(["80,metrics,* + 1 more...", "10.0.0.0,10.0.0.1,10.0.0.2 + 2 more..."]);
  });
});
