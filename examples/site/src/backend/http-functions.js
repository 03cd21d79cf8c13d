// HTTP functions: a webhook endpoint that checks an HMAC signature before trusting the body.
import { ok, badRequest, forbidden } from 'wix-http-functions';
import { getSecret } from 'wix-secrets-backend';
import { createHmac, timingSafeEqual } from 'crypto';
import { Buffer } from 'buffer';
import { WEBHOOK_SECRET_NAME } from 'backend/helpers/constants.js';

export async function post_webhook(request) {
  const body = await request.body.text();
  const given = request.headers['x-signature'];
  if (!given) return badRequest({ body: { error: 'missing x-signature header' } });
  const expected = createHmac('sha256', await getSecret(WEBHOOK_SECRET_NAME)).update(body).digest('hex');
  const same = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  return same ? ok({ body: { received: true } }) : forbidden({ body: { error: 'bad signature' } });
}
