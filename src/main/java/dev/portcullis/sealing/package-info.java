/**
 * Secrets at rest that Portcullis has to read back, unlike API keys and passwords, which it only
 * compares with a hash: the signing keys' private halves and the webhook endpoints' secrets, sealed with
 * AES-256-GCM under an operator's key so that a copy of the database does not carry them. Below every
 * feature: it imports none.
 */
package dev.portcullis.sealing;
