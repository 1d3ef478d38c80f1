// describeVolumes of describe.go: one block per pod volume with the source's Type line and its
// fields (HostPath, EmptyDir, Secret, ConfigMap, Projected, PersistentVolumeClaim, DownwardAPI,
// NFS, CSI, Ephemeral, Image; other in-tree sources print their Type line and fields generically).
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type Writer } from "./prefix-writer";
import { goBool, goBoolPtr, goInt, str, type Json } from "./go-format";
import { quantityStr } from "./common";
import { tryParseQuantity } from "../../../cluster/apiserver/validation/quantity";

type Printer = (src: Json, w: Writer) => void;

const fields = (head: string, rows: [string, string][]): string =>
  `Type:\t${head}\n` + rows.map(([k, v]) => `    ${k}:\t${v}\n`).join("");

const PRINTERS: [string, Printer][] = [
  ["hostPath", (s, w) => w.write(LEVEL_2, fields("HostPath (bare host directory volume)",
    [["Path", str(s.path)], ["HostPathType", s.type === undefined || s.type === null ? "<none>" : str(s.type)]]))],
  ["emptyDir", (s, w) => {
    const q = tryParseQuantity(s.sizeLimit);
    const sizeLimit = q && q.mantissa > 0n ? quantityStr(s.sizeLimit) : "<unset>";
    w.write(LEVEL_2, fields("EmptyDir (a temporary directory that shares a pod's lifetime)", [["Medium", str(s.medium)], ["SizeLimit", sizeLimit]]));
  }],
  ["gcePersistentDisk", (s, w) => w.write(LEVEL_2, fields("GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)",
    [["PDName", str(s.pdName)], ["FSType", str(s.fsType)], ["Partition", goInt(s.partition)], ["ReadOnly", goBool(s.readOnly)]]))],
  ["awsElasticBlockStore", (s, w) => w.write(LEVEL_2, fields("AWSElasticBlockStore (a Persistent Disk resource in AWS)",
    [["VolumeID", str(s.volumeID)], ["FSType", str(s.fsType)], ["Partition", goInt(s.partition)], ["ReadOnly", goBool(s.readOnly)]]))],
  ["gitRepo", (s, w) => w.write(LEVEL_2, fields("GitRepo (a volume that is pulled from git when the pod is created)",
    [["Repository", str(s.repository)], ["Revision", str(s.revision)]]))],
  ["secret", (s, w) => w.write(LEVEL_2, fields("Secret (a volume populated by a Secret)",
    [["SecretName", str(s.secretName)], ["Optional", goBool(s.optional)]]))],
  ["configMap", (s, w) => w.write(LEVEL_2, fields("ConfigMap (a volume populated by a ConfigMap)",
    [["Name", str(s.name)], ["Optional", goBool(s.optional)]]))],
  ["nfs", (s, w) => w.write(LEVEL_2, fields("NFS (an NFS mount that lasts the lifetime of a pod)",
    [["Server", str(s.server)], ["Path", str(s.path)], ["ReadOnly", goBool(s.readOnly)]]))],
  ["persistentVolumeClaim", (s, w) => w.write(LEVEL_2, fields("PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)",
    [["ClaimName", str(s.claimName)], ["ReadOnly", goBool(s.readOnly)]]))],
  ["ephemeral", (_s, w) => w.write(LEVEL_2, "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n")],
  ["downwardAPI", (s, w) => {
    w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const m of (s.items ?? []) as Json[]) {
      if (m.fieldRef) w.write(LEVEL_3, `${str(m.fieldRef.fieldPath)} -> ${str(m.path)}\n`);
      if (m.resourceFieldRef) w.write(LEVEL_3, `${str(m.resourceFieldRef.resource)} -> ${str(m.path)}\n`);
    }
  }],
  ["projected", (s, w) => {
    w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
    for (const src of (s.sources ?? []) as Json[]) {
      if (src.secret) w.write(LEVEL_2, `SecretName:\t${str(src.secret.name)}\n    SecretOptionalName:\t${goBoolPtr(src.secret.optional)}\n`);
      else if (src.downwardAPI) w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
      else if (src.configMap) w.write(LEVEL_2, `ConfigMapName:\t${str(src.configMap.name)}\n    ConfigMapOptional:\t${goBoolPtr(src.configMap.optional)}\n`);
      else if (src.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${goInt(src.serviceAccountToken.expirationSeconds)}\n`);
    }
  }],
  ["csi", (s, w) => {
    w.write(LEVEL_2, fields("CSI (a Container Storage Interface (CSI) volume source)",
      [["Driver", str(s.driver)], ["FSType", str(s.fsType)], ["ReadOnly", goBool(s.readOnly)]]));
    const attrs = Object.keys(s.volumeAttributes ?? {}).sort();
    w.write(LEVEL_2, "VolumeAttributes:\t");
    if (attrs.length === 0) w.writeLine("<none>");
    attrs.forEach((k, i) => {
      if (i !== 0) { w.write(LEVEL_2, ""); w.write(LEVEL_2, "\t"); }
      const line = `${k}=${s.volumeAttributes[k]}`;
      w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
    });
  }],
  ["image", (s, w) => w.write(LEVEL_2, fields("Image (a container image or OCI artifact)",
    [["Reference", str(s.reference)], ["PullPolicy", str(s.pullPolicy)]]))],
];

export function describeVolumes(volumes: Json[] | undefined, w: Writer, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) { w.write(LEVEL_0, `${space}Volumes:\t<none>\n`); return; }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  const nameIndent = space.length > 0 ? " " : "";
  for (const v of list) {
    w.write(LEVEL_1, `${nameIndent}${str(v.name)}:\n`);
    const hit = PRINTERS.find(([key]) => v[key] !== undefined && v[key] !== null);
    if (hit) hit[1](v[hit[0]], w);
    else w.write(LEVEL_1, "<unknown>\n");
  }
}
