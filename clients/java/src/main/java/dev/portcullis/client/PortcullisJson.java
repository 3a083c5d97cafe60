package dev.portcullis.client;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The API's JSON: snake_case field names, nulls left out. Also the MicroProfile Rest Client's JSON-B
 * configuration for {@link PortcullisApi}, whose records would otherwise be written in camelCase.
 */
public class PortcullisJson implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return ApiJson.JSONB;
    }
}
