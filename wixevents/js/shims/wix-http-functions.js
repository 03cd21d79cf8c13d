// wix-http-functions: the response helpers of http-functions.js (Python's wixevents.velo.wix_http_functions).
// Each returns Wix's WixHttpFunctionResponse shape {status, body, headers} at once (no promise, as on Wix).
function answer(status) {
  return (options) => ({ status, body: options?.body, headers: { ...(options?.headers ?? {}) } });
}
export const ok = answer(200);
export const created = answer(201);
export const badRequest = answer(400);
export const forbidden = answer(403);
export const notFound = answer(404);
export const serverError = answer(500);
export function response(options) {
  return { status: options?.status ?? 200, body: options?.body, headers: { ...(options?.headers ?? {}) } };
}
export default { ok, created, badRequest, forbidden, notFound, serverError, response };
