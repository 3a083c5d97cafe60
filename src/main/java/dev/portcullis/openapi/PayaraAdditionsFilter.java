package dev.portcullis.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Takes out of the served document what Payara adds to it that OpenAPI 3.0 does not define: a top-level
 * {@code endpoints} map of the deployed paths (for its view of several applications in one document),
 * which makes the document invalid for OpenAPI tools. Payara's model has no field for it in the
 * MicroProfile interfaces, so its own setter is called by name; Payara leaves empty maps out of the
 * document. Should a later Payara not have that setter, the document is served as Payara makes it and
 * OpenApiContractIT, which compares the served document with META-INF/openapi.yaml, says so.
 */
public class PayaraAdditionsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI document) {
        try {
            document.getClass().getMethod("setEndpoints", Map.class).invoke(document, Map.of());
        } catch (ReflectiveOperationException | RuntimeException notPayarasModel) {
            // nothing to take out: the contract test compares what is served
        }
    }
}
