/**
 * The error envelope, {@code {"error":{"code","message","request_id",…}}} as the AudiModal seed shows
 * it (or, with {@code errors.style=medtwin}, the MedTWIN seed's flat {@code {"error","message",…}}), and
 * the mappers that turn every failure into it. Failures are exceptions named after
 * what went wrong ({@link dev.portcullis.errors.InvalidApiKey}, {@link dev.portcullis.errors.NotFound},
 * …); anything unexpected becomes a 500 in the same envelope, logged with its request id and never
 * with a stack trace in the response.
 */
package dev.portcullis.errors;
