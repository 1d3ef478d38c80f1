// The request parameters of the API's operations as the v1.32 OpenAPI v3 documents list them
// (names, locations and types from k8s.io/apimachinery's ListOptions, CreateOptions,
// UpdateOptions, PatchOptions and DeleteOptions; descriptions in our own words).

import type { Json } from "./special.js";

const query = (name: string, type: "string" | "integer" | "boolean", description: string): Json => ({
  description, in: "query", name, schema: { type, uniqueItems: true },
});

const P = {
  allowWatchBookmarks: query("allowWatchBookmarks", "boolean", "Ask for BOOKMARK watch events, which carry only a resourceVersion. Servers may ignore it."),
  continue: query("continue", "string", "The continue token of the previous page of a paged list."),
  dryRun: query("dryRun", "string", "When All, run every stage of the request without persisting anything."),
  fieldManager: query("fieldManager", "string", "Name of the actor making the change, recorded in managedFields (at most 128 printable characters)."),
  fieldManagerApply: query("fieldManager", "string", "Name of the actor making the change, recorded in managedFields. Required for apply patches, optional otherwise."),
  fieldSelector: query("fieldSelector", "string", "Select objects by field values, e.g. metadata.name=nginx. Defaults to everything."),
  fieldValidation: query("fieldValidation", "string", "How to treat unknown or duplicate fields in the request body: Ignore drops them, Warn answers with a warning for each, Strict fails the request."),
  force: query("force", "boolean", "For apply patches: take over fields other managers own. Must be unset for other patch types."),
  gracePeriodSeconds: query("gracePeriodSeconds", "integer", "Seconds before the object is deleted; 0 deletes at once. Defaults to the object's own grace period."),
  ignoreStoreReadError: query("ignoreStoreReadErrorWithClusterBreakingPotential", "boolean", "Delete an object that cannot be read from storage (corrupt). Unsafe; needs extra permission."),
  labelSelector: query("labelSelector", "string", "Select objects by labels, e.g. app=web,tier!=db. Defaults to everything."),
  limit: query("limit", "integer", "Maximum number of items to return; a continue token is returned when more remain."),
  orphanDependents: query("orphanDependents", "boolean", "Deprecated, use propagationPolicy: whether dependents are orphaned."),
  propagationPolicy: query("propagationPolicy", "string", "How dependents are garbage collected: Orphan, Background or Foreground."),
  resourceVersion: query("resourceVersion", "string", "Constrains which version of the data a list or watch starts from."),
  resourceVersionMatch: query("resourceVersionMatch", "string", "How resourceVersion applies to a list: Exact or NotOlderThan."),
  sendInitialEvents: query("sendInitialEvents", "boolean", "With watch=true: first send the current state as ADDED events, then a bookmark."),
  timeoutSeconds: query("timeoutSeconds", "integer", "Time limit of the list or watch call."),
  watch: query("watch", "boolean", "Watch for changes and stream add, update and delete notifications."),
};

export const LIST_PARAMS = [P.allowWatchBookmarks, P.continue, P.fieldSelector, P.labelSelector, P.limit,
  P.resourceVersion, P.resourceVersionMatch, P.sendInitialEvents, P.timeoutSeconds, P.watch];
export const WRITE_PARAMS = [P.dryRun, P.fieldManager, P.fieldValidation];
export const PATCH_PARAMS = [P.dryRun, P.fieldManagerApply, P.fieldValidation, P.force];
export const DELETE_PARAMS = [P.gracePeriodSeconds, P.ignoreStoreReadError, P.orphanDependents, P.propagationPolicy, P.dryRun];
export const DELETE_COLLECTION_PARAMS = [P.continue, P.dryRun, P.fieldSelector, P.gracePeriodSeconds,
  P.ignoreStoreReadError, P.labelSelector, P.limit, P.orphanDependents, P.propagationPolicy,
  P.resourceVersion, P.resourceVersionMatch, P.sendInitialEvents, P.timeoutSeconds];

export const PRETTY = query("pretty", "string", "If 'true', the output is pretty printed.");

export const pathParam = (name: string, description: string): Json => ({
  description, in: "path", name, required: true, schema: { type: "string", uniqueItems: true },
});

export const NAMESPACE_PARAM = pathParam("namespace", "object name and auth scope, such as for teams and projects");
