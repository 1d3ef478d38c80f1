// Pod volumes: unique DNS-1123 label names and exactly one source each
// (pkg/apis/core/validation ValidateVolumes, validateVolumeSource and the common sources).
import { forbiddenField, invalidValue, notSupported, required, duplicate, type FieldError } from "../field-errors";
import { child, index, type Json } from "./common";
import { isDNS1123Label, isDNS1123Subdomain } from "./names";

export const VOLUME_SOURCES = [
  "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi",
  "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc",
  "azureFile", "configMap", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume",
  "scaleIO", "projected", "storageos", "csi", "ephemeral", "image",
];

const FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";
const HOST_PATH_TYPES = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];

function validateMode(mode: unknown, path: string): FieldError[] {
  return typeof mode === "number" && (mode < 0 || mode > 0o777) ? [invalidValue(path, mode, FILE_MODE_ERROR)] : [];
}

function validateSource(kind: string, s: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  switch (kind) {
    case "hostPath":
      if (!s.path) errs.push(required(child(path, "path")));
      if (s.type !== undefined && !HOST_PATH_TYPES.includes(s.type)) errs.push(notSupported(child(path, "type"), s.type, HOST_PATH_TYPES));
      break;
    case "emptyDir":
      if (s.medium !== undefined && !["", "Memory", "HugePages"].includes(s.medium) && !String(s.medium).startsWith("HugePages-")) {
        errs.push(notSupported(child(path, "medium"), s.medium, ["", "Memory", "HugePages"]));
      }
      break;
    case "secret":
      if (!s.secretName) errs.push(required(child(path, "secretName")));
      else for (const m of isDNS1123Subdomain(s.secretName)) errs.push(invalidValue(child(path, "secretName"), s.secretName, m));
      errs.push(...validateMode(s.defaultMode, child(path, "defaultMode")));
      break;
    case "configMap":
      if (!s.name) errs.push(required(child(path, "name")));
      else for (const m of isDNS1123Subdomain(s.name)) errs.push(invalidValue(child(path, "name"), s.name, m));
      errs.push(...validateMode(s.defaultMode, child(path, "defaultMode")));
      break;
    case "persistentVolumeClaim":
      if (!s.claimName) errs.push(required(child(path, "claimName")));
      break;
    case "nfs":
      if (!s.server) errs.push(required(child(path, "server")));
      if (!s.path) errs.push(required(child(path, "path")));
      else if (!String(s.path).startsWith("/")) errs.push(invalidValue(child(path, "path"), s.path, "must be an absolute path"));
      break;
    case "downwardAPI": case "projected":
      errs.push(...validateMode(s.defaultMode, child(path, "defaultMode")));
      break;
  }
  for (const [i, item] of ((s.items ?? []) as Json[]).entries()) {
    const p = index(child(path, "items"), i);
    if (kind !== "downwardAPI" && !item.key) errs.push(required(child(p, "key")));
    if (!item.path) errs.push(required(child(p, "path")));
    errs.push(...validateMode(item.mode, child(p, "mode")));
  }
  return errs;
}

function validateVolumeSource(vol: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const kind of VOLUME_SOURCES) {
    if (vol[kind] == null) continue;
    if (n > 0) errs.push(forbiddenField(child(path, kind), "may not specify more than 1 volume type"));
    else { n++; errs.push(...validateSource(kind, vol[kind], child(path, kind))); }
  }
  if (n === 0) errs.push(required(path, "must specify a volume type"));
  return errs;
}

/** Returns the errors and the names of the valid volumes (mounts must refer to one of them). */
export function validateVolumes(volumes: Json[] | undefined, path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (volumes ?? []).forEach((vol, i) => {
    const p = index(path, i);
    const namePath = child(p, "name");
    const el = validateVolumeSource(vol, p);
    if (!vol.name) el.push(required(namePath));
    else for (const m of isDNS1123Label(vol.name)) el.push(invalidValue(namePath, vol.name, m));
    if (names.has(vol.name)) el.push(duplicate(namePath, vol.name));
    if (el.length === 0) names.add(vol.name);
    else errs.push(...el);
  });
  return { errs, names };
}
