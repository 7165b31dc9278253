// One reading of a thrown value for messages the user sees (toasts, boot errors, console warnings).

/** An Error's (or error-like object's) message, else the value itself as text. */
export function errorText(err: unknown): string {
  if (typeof err === "object" && err !== null && "message" in err && err.message != null) return String(err.message);
  return String(err);
}
