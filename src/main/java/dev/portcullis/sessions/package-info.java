/**
 * Sessions: login with email, password and tenant; JWT access tokens signed by Portcullis (RS256,
 * the algorithm pinned, keys published as JWKS and rotatable, their private halves encrypted at rest
 * when an encryption key is configured); opaque refresh tokens rotated on every
 * use, where presenting a spent one revokes its whole family. Access tokens are verified by the same
 * pipeline as API keys and become the same {@link dev.portcullis.access.Caller}, with the verified
 * token available as a MicroProfile {@link org.eclipse.microprofile.jwt.JsonWebToken}.
 */
package dev.portcullis.sessions;
