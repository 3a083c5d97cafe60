package dev.portcullis.database;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Instants are stored as epoch milliseconds in BIGINT columns: identical on H2 and PostgreSQL and
 * independent of the JVM's and the database's time zones.
 */
@Converter(autoApply = true)
public class InstantMillis implements AttributeConverter<Instant, Long> {

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public Instant convertToEntityAttribute(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
