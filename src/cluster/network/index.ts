// The pod network of a cluster: the readiness component the engine runs, and what the kubelet and
// the templates ask of it (see state.ts and plugins.ts).
export { networkComponent, NETWORK_COMPONENT } from "./component";
export { networkReady, cniPodCIDR, requireCni, cniRequired, NETWORK_NOT_READY_MESSAGE } from "./state";
export { CNI_PLUGINS, pluginOf, type CniPlugin } from "./plugins";
