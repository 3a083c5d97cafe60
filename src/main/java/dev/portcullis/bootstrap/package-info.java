/**
 * The first start on an empty database: the platform tenant and its first platform-admin key (the
 * configured one, or a generated one shown once). Above tenants and keys, which it creates.
 */
package dev.portcullis.bootstrap;
