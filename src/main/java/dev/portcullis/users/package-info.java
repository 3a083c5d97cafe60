/**
 * Users of a tenant: people who log in with email and password (the sessions feature turns a login
 * into tokens). Emails are normalised (trimmed, lower-cased, NFC) and unique per tenant. Passwords
 * are 12 to 128 characters of any Unicode, never truncated, hashed with Argon2id into a
 * self-describing string so the parameters can be raised later (a hash with weaker parameters is
 * replaced at the user's next login). Disabling, deleting or re-passwording a user, or suspending its
 * tenant, ends its sessions and the access tokens already issued.
 */
package dev.portcullis.users;
