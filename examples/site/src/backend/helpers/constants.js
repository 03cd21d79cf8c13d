export const AUDIT = 'AuditLog';
export const WEBHOOK_SECRET_NAME = 'webhookSecret';
