/**
 * Rules for request input that Jakarta Validation's own constraints cannot say: {@link
 * dev.portcullis.validation.Text} (the text policy of every field a person reads) and {@link
 * dev.portcullis.validation.Timestamp}. Request records carry these and the standard constraints; a
 * violation is answered 400 {@code VALIDATION_FAILED} naming the field (see {@code errors}).
 */
package dev.portcullis.validation;
