/**
 * The request pipeline: one JAX-RS filter per concern, in the order {@link dev.portcullis.pipeline.FilterOrder}
 * names, and the one admission path they take ({@link dev.portcullis.pipeline.Admission}: authenticate,
 * resolve the tenant, check the address, charge), which the gateway endpoints take too. The filters fill
 * the request-scoped {@link dev.portcullis.access.Caller}, which is also the JAX-RS
 * {@link jakarta.ws.rs.core.SecurityContext}; what only they need of a request stays here. The one
 * package that imports the features' control classes to decide about a request.
 */
package dev.portcullis.pipeline;
