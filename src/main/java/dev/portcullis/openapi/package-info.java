/**
 * The OpenAPI document served at {@code /openapi}: {@code META-INF/openapi.yaml} as written, annotation
 * scanning off (see microprofile-config.properties), and only what OpenAPI 3.0 defines.
 */
package dev.portcullis.openapi;
