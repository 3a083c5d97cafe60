/**
 * The audit trail: who changed what through the API, from where and when, and the security events
 * (logins, lockouts, refresh tokens used twice, suspensions). Resource methods declare their change
 * with {@link dev.portcullis.access.Audited}; security events are recorded where they happen. Every
 * record is written in the transaction of what it records, and read back at {@code GET /v1/audit-events}.
 */
package dev.portcullis.audit;
