package dev.portcullis.json;

import dev.portcullis.errors.RefusedText;
import dev.portcullis.validation.Text;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue.ValueType;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * JSON is snake_case everywhere. Request bodies are read strictly: an
 * unknown property is a client error rather than something silently dropped (a misspelt
 * {@code "rate_limits"} must not create an unlimited key), and {@code "name": 1} or
 * {@code "per_day": "10"} are type errors, not values to coerce. No string may hold a NUL character:
 * PostgreSQL cannot store one, and H2 can, so refusing it here answers it alike on both.
 */
@Provider
public class JsonbSettings implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withDeserializers(new Text(), new WholeLong(), new WholeInt(), new Flag())
            .setProperty("jsonb.fail-on-unknown-properties", true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    // Each deserializer names its type directly: Yasson finds the target type from the class's own
    // JsonbDeserializer<T> declaration and would take a generic one for Object.

    private static final class Text implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = expect(parser, ValueType.STRING, "string");
            if (value == null) {
                return null;
            }
            String text = ((JsonString) value).getString();
            if (text.indexOf('\0') >= 0) {
                throw new RefusedText("must not contain the NUL character");
            }
            return text;
        }
    }

    private static final class WholeLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser);
        }
    }

    private static final class WholeInt implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            Long value = whole(parser);
            return value == null ? null : Math.toIntExact(value);
        }
    }

    private static final class Flag implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            ValueType actual = parser.getValue().getValueType();
            if (actual == ValueType.NULL) {
                return null;
            }
            if (actual != ValueType.TRUE && actual != ValueType.FALSE) {
                throw new JsonbException("Expected true or false");
            }
            return actual == ValueType.TRUE;
        }
    }

    /** Yasson's parser has no {@code currentEvent()}; {@code getValue()} reads the current value. */
    private static JsonValue expect(JsonParser parser, ValueType expected, String what) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != expected) {
            throw new JsonbException("Expected a JSON " + what);
        }
        return value;
    }

    private static Long whole(JsonParser parser) {
        JsonNumber number = (JsonNumber) expect(parser, ValueType.NUMBER, "number");
        if (number == null) {
            return null;
        }
        if (!number.isIntegral()) {
            throw new JsonbException("Expected a whole number");
        }
        return number.bigDecimalValue().longValueExact();
    }
}
