// Short descriptions of the main API types and fields, written for Podlab (facts from the doc
// comments of k8s.io/api and apimachinery types.go, in our own words). They show up in the OpenAPI
// documents and so in `kubectl explain`. Fields not listed here have no description.

import { gvksOfType } from "./catalog.js";

type Docs = Record<string, string>;

const COMMON: Docs = {
  apiVersion: "The versioned schema of this object, e.g. v1 or apps/v1. Servers convert recognised versions to the latest internal one and may reject unknown ones.",
  kind: "The REST resource this object represents, in CamelCase (e.g. Pod). Servers may infer it from the endpoint; it cannot be updated.",
  metadata: "Standard object metadata: name, namespace, labels, annotations, owner references and server-managed fields.",
  spec: "The desired state of the object, set by its user.",
  status: "The most recently observed state of the object, filled in by the system. Read-only.",
  items: "The objects in this list.",
};

const DOCS: Record<string, Docs> = {
  "core.v1.Pod": {
    "": "Pod is a group of one or more containers that share storage and network and are scheduled together onto one node.",
    spec: "What the pod should run: its containers, volumes, scheduling constraints and restart policy.",
    status: "The observed state of the pod: phase, conditions, IPs and the state of every container.",
  },
  "core.v1.PodSpec": {
    "": "PodSpec describes the containers, volumes and placement of a pod.",
    containers: "The containers of the pod. At least one is required; containers cannot be added or removed once the pod exists.",
    initContainers: "Containers run one after the other before the app containers start; each must succeed before the next begins.",
    ephemeralContainers: "Debugging containers added to a running pod (kubectl debug). Cannot be set at creation.",
    volumes: "Volumes that containers of this pod can mount.",
    restartPolicy: "When containers are restarted after they exit: Always (default), OnFailure or Never.",
    terminationGracePeriodSeconds: "Seconds the pod gets to stop after a delete request before its processes are killed. Defaults to 30.",
    activeDeadlineSeconds: "Seconds the pod may be active (counted from its start time) before the system fails it.",
    dnsPolicy: "How DNS is configured for the pod: ClusterFirst (default), ClusterFirstWithHostNet, Default or None.",
    nodeSelector: "Labels a node must carry for the pod to be scheduled there.",
    serviceAccountName: "The service account the pod runs as.",
    serviceAccount: "Deprecated alias of serviceAccountName.",
    nodeName: "The node the pod is bound to. Set by the scheduler; setting it directly bypasses scheduling.",
    hostNetwork: "Use the node's network namespace instead of a pod network.",
    affinity: "Node affinity, pod affinity and pod anti-affinity rules for scheduling.",
    tolerations: "Taints of nodes that this pod tolerates.",
    schedulerName: "The scheduler that places this pod. Defaults to default-scheduler.",
    priorityClassName: "Name of a PriorityClass giving the pod its priority.",
    priority: "The pod's priority, resolved from priorityClassName by admission. Higher values are scheduled first.",
    topologySpreadConstraints: "How pods should be spread across topology domains (zones, nodes, ...).",
    imagePullSecrets: "Secrets in the pod's namespace used to pull the container images.",
    securityContext: "Security settings that apply to every container of the pod.",
  },
  "core.v1.Container": {
    "": "A single application container that runs inside a pod.",
    name: "Name of the container, a DNS label unique within the pod. Cannot be updated.",
    image: "Container image to run, e.g. nginx:1.27.",
    command: "The entrypoint, replacing the image's ENTRYPOINT. Not run in a shell; $(VAR) references are expanded.",
    args: "Arguments to the entrypoint, replacing the image's CMD. $(VAR) references are expanded.",
    workingDir: "Working directory of the container. Defaults to the image's.",
    ports: "Ports the container exposes. Informational: any port the process listens on is reachable.",
    env: "Environment variables to set in the container.",
    envFrom: "Sources (ConfigMaps, Secrets) whose keys become environment variables.",
    resources: "Compute resources (cpu, memory) the container requests and is limited to.",
    volumeMounts: "Volumes of the pod to mount into the container's filesystem.",
    livenessProbe: "Probe of container liveness; the container is restarted when it fails.",
    readinessProbe: "Probe of readiness to serve; the pod is removed from Service endpoints while it fails.",
    startupProbe: "Probe that must succeed before the other probes start; the container is restarted when it fails.",
    lifecycle: "Actions run right after the container starts and right before it is stopped.",
    imagePullPolicy: "When to pull the image: Always, IfNotPresent or Never. Defaults to Always for :latest, otherwise IfNotPresent.",
    securityContext: "Security options of this container.",
    stdin: "Keep a stdin buffer open for the container.",
    tty: "Allocate a TTY for the container (needs stdin).",
  },
  "core.v1.ContainerPort": {
    "": "A network port in a single container.",
    containerPort: "Port number on the pod's IP address (1-65535).",
    name: "An IANA_SVC_NAME unique within the pod, which Services can refer to.",
    protocol: "TCP (default), UDP or SCTP.",
    hostPort: "Port to expose on the node. Rarely needed.",
  },
  "core.v1.EnvVar": {
    "": "An environment variable of a container.",
    name: "Name of the variable.",
    value: "Value of the variable; $(VAR) references to earlier variables are expanded.",
    valueFrom: "Source of the value (ConfigMap key, Secret key, pod field or resource field). Cannot be combined with value.",
  },
  "core.v1.VolumeMount": {
    "": "A mount of a pod volume into a container.",
    name: "Name of the pod volume to mount.",
    mountPath: "Path inside the container where the volume is mounted.",
    readOnly: "Mount the volume read-only.",
    subPath: "Path within the volume to mount instead of its root.",
  },
  "core.v1.Volume": {
    "": "A named volume of a pod that its containers can mount. Exactly one source must be set.",
    name: "Name of the volume, a DNS label unique within the pod.",
    emptyDir: "An empty directory that lives as long as the pod.",
    configMap: "The keys of a ConfigMap as files.",
    secret: "The keys of a Secret as files.",
    hostPath: "A file or directory of the node's filesystem.",
    persistentVolumeClaim: "A PersistentVolumeClaim in the pod's namespace.",
    projected: "Several sources (secrets, configmaps, downward API, service account token) in one directory.",
    downwardAPI: "Information about the pod as files.",
  },
  "core.v1.ResourceRequirements": {
    "": "Compute resource requests and limits.",
    limits: "The most of each resource the container may use.",
    requests: "The amount of each resource the scheduler reserves for the container. Defaults to limits when only those are set.",
  },
  "core.v1.Probe": {
    "": "A health check run against a container.",
    exec: "Run a command in the container; exit status 0 means success.",
    httpGet: "Send an HTTP GET; a status from 200 to 399 means success.",
    tcpSocket: "Open a TCP connection; success if it connects.",
    grpc: "Call the gRPC health checking service.",
    initialDelaySeconds: "Seconds after the container starts before the first probe.",
    periodSeconds: "How often to probe, in seconds. Defaults to 10.",
    timeoutSeconds: "Seconds after which a probe times out. Defaults to 1.",
    failureThreshold: "Consecutive failures after which the probe counts as failed. Defaults to 3.",
    successThreshold: "Consecutive successes after a failure for the probe to count as succeeded. Defaults to 1.",
  },
  "core.v1.PodStatus": {
    "": "The observed state of a pod.",
    phase: "Where the pod is in its lifecycle: Pending, Running, Succeeded, Failed or Unknown.",
    conditions: "Current conditions of the pod (PodScheduled, Initialized, ContainersReady, Ready).",
    hostIP: "IP address of the node the pod runs on.",
    podIP: "IP address allocated to the pod.",
    startTime: "When the kubelet acknowledged the pod.",
    containerStatuses: "Status of each app container.",
    qosClass: "Quality of service class from the resource requirements: Guaranteed, Burstable or BestEffort.",
  },
  "core.v1.ContainerStatus": {
    "": "The observed state of one container.",
    name: "Name of the container.",
    state: "Current state: waiting, running or terminated.",
    lastState: "State of the previous run, if it restarted.",
    ready: "Whether the container passes its readiness probe.",
    restartCount: "How many times the container has been restarted.",
    image: "The image the container runs.",
    imageID: "The image ID of the running image.",
    containerID: "The runtime's container ID, as <type>://<id>.",
    started: "Whether the container passed its startup probe.",
  },
  "meta.v1.ObjectMeta": {
    "": "Metadata every persisted object has.",
    name: "Name of the object, unique within its namespace. Cannot be updated.",
    generateName: "Prefix from which the server generates a unique name when name is empty.",
    namespace: "Namespace of the object. Empty for cluster-scoped objects.",
    uid: "Unique identifier of this object over time, set by the server. Read-only.",
    resourceVersion: "Opaque version of the object, used for optimistic concurrency and watches. Read-only.",
    generation: "Sequence number of a specific generation of the desired state. Read-only.",
    creationTimestamp: "When the object was created. Read-only.",
    deletionTimestamp: "When the object will be deleted; set when graceful deletion is requested. Read-only.",
    labels: "Key/value pairs used to organise and select objects.",
    annotations: "Key/value pairs that hold arbitrary non-identifying metadata.",
    ownerReferences: "Objects this object depends on; it is garbage collected when all owners are gone.",
    finalizers: "Entries that must be removed before the object is deleted from storage.",
    managedFields: "Which manager owns which fields (server-side apply). Mostly internal.",
  },
  "apps.v1.Deployment": { "": "Deployment provides declarative updates for pods through ReplicaSets." },
  "apps.v1.DeploymentSpec": {
    "": "The desired behaviour of a Deployment.",
    replicas: "Number of desired pods. Defaults to 1.",
    selector: "Label selector of the pods it manages; must match the template's labels. Immutable in apps/v1.",
    template: "The pod template new pods are made from.",
    strategy: "How old pods are replaced by new ones: RollingUpdate (default) or Recreate.",
    minReadySeconds: "Seconds a new pod must be ready without crashing to count as available. Defaults to 0.",
    revisionHistoryLimit: "Number of old ReplicaSets kept for rollback. Defaults to 10.",
    paused: "Whether the deployment is paused.",
    progressDeadlineSeconds: "Seconds before a stalled rollout is reported as failed. Defaults to 600.",
  },
  "core.v1.Service": { "": "Service gives a set of pods a stable virtual IP and DNS name, with load balancing." },
  "core.v1.ServiceSpec": {
    "": "The desired behaviour of a Service.",
    ports: "Ports the service exposes.",
    selector: "Pods with these labels receive the traffic. Without a selector the endpoints are managed by hand.",
    clusterIP: "Virtual IP of the service, usually allocated by the system; None makes a headless service.",
    type: "How the service is exposed: ClusterIP (default), NodePort, LoadBalancer or ExternalName.",
  },
  "core.v1.ServicePort": {
    "": "A port a Service exposes.",
    name: "Name of the port; required when there is more than one.",
    port: "Port the service listens on.",
    targetPort: "Port number or name on the pods the traffic goes to. Defaults to port.",
    nodePort: "Port on every node when type is NodePort or LoadBalancer; allocated when unset.",
    protocol: "TCP (default), UDP or SCTP.",
  },
  "core.v1.ConfigMap": { "": "ConfigMap holds non-confidential configuration data for pods.", data: "Configuration data as UTF-8 strings.", binaryData: "Binary configuration data, base64-encoded." },
  "core.v1.Secret": { "": "Secret holds a small amount of sensitive data such as a password or token.", data: "The secret data, base64-encoded.", stringData: "Write-only convenience: plain string values merged into data.", type: "The kind of secret, e.g. Opaque or kubernetes.io/tls." },
  "core.v1.Namespace": { "": "Namespace gives names a scope; most objects live in one." },
  "core.v1.Node": { "": "Node is a worker machine that runs pods." },
  "core.v1.Event": { "": "Event reports something that happened to an object (core/v1 form, shown by kubectl describe and get events)." },
  "events.v1.Event": { "": "Event reports something that happened to an object (events.k8s.io form of the core Event).", note: "Human-readable description of what happened.", regarding: "The object this event is about." },
  "core.v1.Endpoints": { "": "Endpoints lists the addresses and ports that implement a Service." },
  "discovery.v1.EndpointSlice": { "": "EndpointSlice holds a subset of the endpoints of a Service." },
  "core.v1.ServiceAccount": { "": "ServiceAccount gives processes in pods an identity to authenticate to the API server." },
  "core.v1.Binding": { "": "Binding assigns a pod to a node; the scheduler creates one per scheduled pod." },
  "coordination.v1.Lease": { "": "Lease is a lock with a holder and a duration, used for node heartbeats and leader election." },
  "scheduling.v1.PriorityClass": { "": "PriorityClass maps a priority class name to an integer priority for pods.", value: "The priority pods of this class receive.", globalDefault: "Whether pods without a priorityClassName get this class." },
  "policy.v1.PodDisruptionBudget": { "": "PodDisruptionBudget limits how many pods of a set voluntary disruptions (evictions) may take down at once." },
  "policy.v1.Eviction": { "": "Eviction requests the graceful removal of a pod, subject to PodDisruptionBudgets." },
  "rbac.v1.Role": { "": "Role is a namespaced set of policy rules that a RoleBinding grants as a unit.", rules: "The policy rules of this Role." },
  "rbac.v1.ClusterRole": {
    "": "ClusterRole is a cluster-wide set of policy rules that a RoleBinding or ClusterRoleBinding grants as a unit.",
    rules: "The policy rules of this ClusterRole.",
    aggregationRule: "How to build the rules of this ClusterRole from other ClusterRoles; when set, the rules are managed by a controller and direct edits are overwritten.",
  },
  "rbac.v1.AggregationRule": { "": "Selects the ClusterRoles whose rules are aggregated into a ClusterRole.", clusterRoleSelectors: "Label selectors of the ClusterRoles to aggregate; a ClusterRole matching any of them contributes its rules." },
  "rbac.v1.PolicyRule": {
    "": "PolicyRule describes what actions are allowed on which resources, without saying who it applies to or in which namespace.",
    verbs: "The verbs allowed on all the resources of this rule; '*' means all verbs.",
    apiGroups: "The API groups of the resources; \"\" is the core group and \"*\" all groups. Any listed group matches.",
    resources: "The resources this rule applies to; '*' means all resources.",
    resourceNames: "An optional list of object names the rule is limited to; empty means any name.",
    nonResourceURLs: "Partial URLs a user may access (a '*' only as the full, final path step). Only meaningful in ClusterRoles bound by a ClusterRoleBinding; a rule covers either resources or non-resource URLs, not both.",
  },
  "rbac.v1.RoleBinding": {
    "": "RoleBinding grants the rules of a Role in its own namespace, or of a ClusterRole limited to that namespace, to a list of subjects.",
    subjects: "The users, groups and service accounts the role is granted to.",
    roleRef: "The Role in this namespace or the ClusterRole being granted. It cannot be changed after creation.",
  },
  "rbac.v1.ClusterRoleBinding": {
    "": "ClusterRoleBinding grants the rules of a ClusterRole across the whole cluster to a list of subjects.",
    subjects: "The users, groups and service accounts the role is granted to.",
    roleRef: "The ClusterRole being granted. It cannot be changed after creation.",
  },
  "rbac.v1.RoleRef": { "": "A reference to the role a binding grants.", apiGroup: "The API group of the referenced role.", kind: "The kind of the referenced role: Role or ClusterRole.", name: "The name of the referenced role." },
  "rbac.v1.Subject": {
    "": "Subject names the identity a binding applies to: a user, a group or a service account.",
    kind: "The kind of subject: User, Group or ServiceAccount.",
    apiGroup: "The API group of the subject: \"\" for ServiceAccount subjects (the default), rbac.authorization.k8s.io for users and groups (the default).",
    name: "The name of the subject.",
    namespace: "The namespace of a ServiceAccount subject; must be empty for users and groups.",
  },
  "autoscaling.v1.Scale": { "": "Scale is the replica count of a scalable resource (the scale subresource)." },
  "apps.v1.ReplicaSet": { "": "ReplicaSet keeps a given number of pod replicas running." },
  "apps.v1.DaemonSet": { "": "DaemonSet runs a copy of a pod on every (selected) node." },
  "apps.v1.StatefulSet": { "": "StatefulSet runs pods with stable names and storage, created and removed in order." },
  "batch.v1.Job": { "": "Job runs pods until a number of them complete successfully." },
  "batch.v1.JobSpec": {
    completions: "Number of successfully finished pods the job needs.",
    parallelism: "Maximum number of pods running at the same time.",
    backoffLimit: "Number of retries before the job is marked failed. Defaults to 6.",
    template: "The pod template of the job's pods.",
  },
};

/** Description of a type, if one is written. */
export function describeType(short: string): string | undefined {
  const own = DOCS[short]?.[""];
  if (own) return own;
  const list = /^(.*)\.(\w+)List$/.exec(short);
  if (list && gvksOfType(short).length > 0) return `${list[2]}List is a list of ${list[2]} objects.`;
  return undefined;
}

/** Description of a field of a type: its own entry, else the common one for top-level kinds. */
export function describeField(short: string, field: string): string | undefined {
  const own = DOCS[short]?.[field];
  if (own) return own;
  if (gvksOfType(short).length > 0 && Object.hasOwn(COMMON, field)) return COMMON[field];
  return undefined;
}
