// The root CA certificate publisher (pkg/controller/certificates/rootcacertpublisher/publisher.go
// syncNamespace): the kube-root-ca.crt ConfigMap with the cluster CA in every active namespace,
// recreated when deleted and restored when its data or description annotation is changed.
import type { Component } from "../engine/component";
import { isStatusError } from "../apiserver/status";
import { CLUSTER_CA_PEM } from "../templates/ca";
import { R, sameJson } from "./util";

export const ROOT_CA_CERT_PUBLISHER = "root-ca-cert-publisher";
export const ROOT_CA_CONFIGMAP = "kube-root-ca.crt";
const DESCRIPTION = "kubernetes.io/description";
const DESCRIPTION_TEXT = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

export const rootCACertPublisher: Component = {
  name: ROOT_CA_CERT_PUBLISHER,
  watches: [
    { resource: R.namespaces, keys: (o) => [o.metadata.name] },
    { resource: R.configmaps, keys: (o) => (o.metadata.name === ROOT_CA_CONFIGMAP ? [o.metadata.namespace] : []) },
  ],
  sync(ns, ctx) {
    const namespace = ctx.api.get(R.namespaces, undefined, ns);
    if (!namespace || namespace.metadata.deletionTimestamp || namespace.status?.phase === "Terminating") return;
    const data = { "ca.crt": CLUSTER_CA_PEM };
    const cm = ctx.api.get(R.configmaps, ns, ROOT_CA_CONFIGMAP);
    try {
      if (!cm) {
        ctx.api.create(R.configmaps, ns, {
          apiVersion: "v1", kind: "ConfigMap", metadata: { name: ROOT_CA_CONFIGMAP, namespace: ns, annotations: { [DESCRIPTION]: DESCRIPTION_TEXT } }, data,
        });
        return;
      }
      if (sameJson(cm.data ?? {}, data) && cm.metadata.annotations?.[DESCRIPTION] === DESCRIPTION_TEXT) return;
      ctx.api.update(R.configmaps, { ...cm, metadata: { ...cm.metadata, annotations: { ...cm.metadata.annotations, [DESCRIPTION]: DESCRIPTION_TEXT } }, data, binaryData: undefined });
    } catch (e) {
      if (!isStatusError(e) || (e.code !== 409 && e.code !== 403)) throw e;
    }
  },
};
