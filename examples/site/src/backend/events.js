// Backend events of the example site: one handler per pattern a real Wix backend uses.
import wixData from 'wix-data';
import { createHash } from 'crypto';
import { slugify } from 'tiny-slug';
import { contactLabel, fileKind } from './helpers/format.js';
import { AUDIT } from 'backend/helpers/constants.js';

// A new contact: helper files, an npm package, Node's crypto, wix-data (data.js hooks run on the insert).
export async function wixCrm_onContactCreated(event) {
  const contact = event.entity || {};
  const label = contactLabel(contact);
  const entry = await wixData.insert(AUDIT, {
    title: `contact ${label}`,
    slug: slugify(label),
    fingerprint: createHash('sha256').update(String(contact._id || '')).digest('hex').slice(0, 12),
  });
  console.log(`audited ${entry.slug}`);
  return entry.slug;
}

// A file reached the Media Manager (also fired by mediaManager.upload in published mode).
export async function wixMediaManager_onFileUploaded(event) {
  const file = event.fileInfo || {};
  const kind = fileKind(file.mediaType);
  await wixData.insert(AUDIT, { title: `upload ${file.originalFileName || file.fileName || 'file'}`, kind });
  return kind;
}

// A new member: the welcome work lives in a web module, imported when the handler runs (dynamic import).
export async function wixMembers_onMemberCreated(event) {
  const { welcomeMember } = await import('backend/members.web.js');
  return welcomeMember(event.entity?._id || 'unknown-member');
}

// An approved order: read it back with elevated permissions (a generic-tier Wix function under auth.elevate).
export async function wixEcom_onOrderApproved(event) {
  const { auth } = await import('@wix/essentials');
  const { orders } = await import('@wix/ecom');
  const id = event.data?.order?._id;
  const order = await auth.elevate(orders.getOrder)(id);
  return { id, found: order !== undefined };
}
