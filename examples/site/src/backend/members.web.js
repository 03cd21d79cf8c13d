// A web module: its functions are callable from pages, and from events.js.
import { Permissions, webMethod } from 'wix-web-module';
import { mediaManager } from 'wix-media-backend';
import { Buffer } from 'buffer';

export const welcomeMember = webMethod(Permissions.Anyone, async (memberId) => {
  const card = Buffer.from(`Welcome, member ${memberId}!`, 'utf8');
  const file = await mediaManager.upload('/welcome-cards', card, `welcome-${memberId}.txt`,
    { mediaOptions: { mimeType: 'text/plain', mediaType: 'document' }, metadataOptions: { isPrivate: false } });
  return file.fileUrl || file.fileName || memberId;
});
