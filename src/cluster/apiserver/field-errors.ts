// Field errors, as k8s.io/apimachinery/pkg/util/validation/field/errors.go: each renders as
// `spec.containers[0].image: Required value` and becomes one `details.causes` entry of a 422.

import { GoValue } from "./validation/common";

export type FieldErrorType =
  | "FieldValueNotFound" | "FieldValueRequired" | "FieldValueDuplicate" | "FieldValueInvalid"
  | "FieldValueNotSupported" | "FieldValueForbidden" | "FieldValueTooLong" | "FieldValueTooMany"
  | "InternalError" | "FieldValueTypeInvalid";

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueNotFound: "Not found", FieldValueRequired: "Required value",
  FieldValueDuplicate: "Duplicate value", FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value", FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long", FieldValueTooMany: "Too many", InternalError: "Internal error",
  FieldValueTypeInvalid: "Invalid value",
};

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** Omitted for Required/Forbidden/TooMany, as upstream omits the value there. */
  badValue?: unknown;
  detail?: string;
}

const NO_VALUE: FieldErrorType[] = ["FieldValueRequired", "FieldValueForbidden", "FieldValueTooLong", "FieldValueTooMany", "InternalError"];

function renderValue(v: unknown): string {
  if (v instanceof GoValue) return v.goString;
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null || v === undefined) return "null";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** The part after `field: `, e.g. `Invalid value: "Foo": a lowercase RFC 1123 ...`. */
export function fieldErrorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  if (!NO_VALUE.includes(e.type) && "badValue" in e) s += `: ${renderValue(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export const fieldErrorString = (e: FieldError) => `${e.field}: ${fieldErrorBody(e)}`;

export function aggregateFieldErrors(errs: FieldError[]): string {
  const msgs = [...new Set(errs.map(fieldErrorString))];
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`;
}

export const fieldErrorCause = (e: FieldError) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field });

export const required = (field: string, detail?: string): FieldError => ({ type: "FieldValueRequired", field, detail });
export const invalidValue = (field: string, badValue: unknown, detail?: string): FieldError => ({ type: "FieldValueInvalid", field, badValue, detail });
export const forbiddenField = (field: string, detail?: string): FieldError => ({ type: "FieldValueForbidden", field, detail });
export const notSupported = (field: string, badValue: unknown, valid: string[]): FieldError =>
  ({ type: "FieldValueNotSupported", field, badValue, detail: `supported values: ${valid.map((v) => JSON.stringify(v)).join(", ")}` });
export const duplicate = (field: string, badValue: unknown): FieldError => ({ type: "FieldValueDuplicate", field, badValue });
export const tooLong = (field: string, max: number): FieldError => ({ type: "FieldValueTooLong", field, detail: `must have at most ${max} bytes` });
