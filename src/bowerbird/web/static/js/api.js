// Fetch wrapper for the JSON API (same origin, GET only).

import { query } from "./dom.js";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET /api/<path>?params -> parsed JSON, or throws ApiError with the API's error body. */
export async function api(path, params) {
  const qs = query(params);
  const url = "api/" + path + (qs ? "?" + qs : "");
  const resp = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await resp.json();
  } catch {
    body = null;
  }
  if (!resp.ok) {
    const err = body && body.error ? body.error : {};
    throw new ApiError(resp.status, err.code || "HTTP_" + resp.status, err.message || resp.statusText);
  }
  return body;
}

/** An id as URL path segments: "html/a b.html" -> "html/a%20b.html" (slashes kept). */
export function idPath(id) {
  return String(id).split("/").map(encodeURIComponent).join("/");
}

let staticCache = new Map();

/** A JSON file from the static folder (vendored map data), fetched once. */
export function staticJson(path) {
  if (!staticCache.has(path)) {
    staticCache.set(
      path,
      fetch(path).then((r) => {
        if (!r.ok) throw new ApiError(r.status, "HTTP_" + r.status, "cannot load " + path);
        return r.json();
      }),
    );
  }
  return staticCache.get(path);
}
