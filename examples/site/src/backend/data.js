// Data hooks of the example site's AuditLog collection.
import { stamp } from './helpers/format.js';

export function AuditLog_beforeInsert(item, context) {
  return { ...item, stamp: stamp(item.title), collection: context.collectionName };
}

export function AuditLog_afterInsert(item, context) {
  console.log(`AuditLog now holds ${item.title}`);
  return item;
}
