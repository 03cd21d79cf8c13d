// Small helpers shared by events.js, data.js and the web modules.
export function contactLabel(contact) {
  const name = contact.info?.name || {};
  const full = [name.first, name.last].filter(Boolean).join(' ');
  return full || contact.primaryInfo?.email || contact._id || 'unnamed contact';
}

export function fileKind(mediaType) {
  return ['image', 'video', 'audio', 'document'].includes(mediaType) ? mediaType : 'other';
}

export function stamp(text) {
  return `${String(text || '').length}:${String(text || '').slice(0, 16)}`;
}
