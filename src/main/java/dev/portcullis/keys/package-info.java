/**
 * API keys: {@code <prefix>_<env>_<secret><checksum>} ({@code sk_live_…}, {@code sk_test_…}, tenant-bound
 * {@code tk_<tenant>_…}, or another prefix family by configuration). The secret is 32 base62
 * characters from {@code SecureRandom}; a CRC32 checksum in 6 more characters lets the pipeline turn
 * away typos and junk without touching the database. Only the SHA-256 of the whole key is stored,
 * with its prefix and last four characters for display; the key itself is shown once, when it is
 * created or rolled. Authentication reads keys from a node-local cache that every node drops the
 * moment a key is revoked, rolled or changed.
 */
package dev.portcullis.keys;
