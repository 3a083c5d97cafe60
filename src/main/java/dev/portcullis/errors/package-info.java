/**
 * The error envelope, {@code {"error":{"code","message","request_id",…}}} as the AudiModal seed shows
 * it (or, with {@code errors.style=medtwin}, the MedTWIN seed's flat {@code {"error","message",…}}), and
 * the mappers that turn every failure into it: {@link dev.portcullis.errors.ApiFailure}s, Jakarta
 * Validation's refusals, unreadable bodies and anything unexpected (a 500 in the same envelope, logged
 * with its request id and never with a stack trace in the response). Failures are exceptions named after
 * what went wrong; each lives with the feature that throws it, and the few every feature throws
 * ({@link dev.portcullis.errors.ValidationFailed}, {@link dev.portcullis.errors.NotFound},
 * {@link dev.portcullis.errors.Conflict}, {@link dev.portcullis.errors.PayloadTooLarge}) live here.
 */
package dev.portcullis.errors;
