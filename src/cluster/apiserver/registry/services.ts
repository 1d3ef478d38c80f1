// Services (pkg/registry/core/service/strategy.go, storage/alloc.go): defaults, empty
// status.loadBalancer on create, IPv4 single-stack family fields; cluster IP and node port
// allocation need the other Services: service-alloc.ts, called by the registry on create.
import type { Strategy } from "./types";
import { allocateService } from "./service-alloc";
import { keepSpec, keepStatus } from "./common";
import { defaultService, initIPFamilyFields } from "./defaults/service";
import { validateService, validateServiceUpdate } from "../validation/service";
import { validateObjectMetaUpdate } from "../validation/objectmeta";

export const serviceStrategy: Strategy = {
  hasStatus: true,
  defaults: defaultService,
  prepareForCreate(obj) {
    obj.status = { loadBalancer: {} };
    initIPFamilyFields(obj);
  },
  prepareForUpdate(obj, old) {
    keepStatus(obj, old);
    if (obj.spec && old.spec) {
      // Omitted allocated fields are kept (as upstream's PatchAllocatedValues does).
      if (!obj.spec.clusterIP && old.spec.clusterIP && obj.spec.type !== "ExternalName") {
        obj.spec.clusterIP = old.spec.clusterIP;
        obj.spec.clusterIPs = old.spec.clusterIPs;
      }
      for (const p of obj.spec.ports ?? []) {
        const prev = (old.spec.ports ?? []).find((o: { port: number; protocol?: string }) => o.port === p.port && (o.protocol ?? "TCP") === (p.protocol ?? "TCP"));
        if (prev?.nodePort && !p.nodePort && ["NodePort", "LoadBalancer"].includes(obj.spec.type)) p.nodePort = prev.nodePort;
      }
      initIPFamilyFields(obj);
    }
  },
  allocate: allocateService,
  prepareForStatusUpdate: (obj, old) => keepSpec(obj, old),
  validate: (obj) => validateService(obj),
  validateUpdate: (obj, old) => validateServiceUpdate(obj, old),
  validateStatusUpdate: (obj, old) => validateObjectMetaUpdate(obj.metadata, old.metadata),
};
