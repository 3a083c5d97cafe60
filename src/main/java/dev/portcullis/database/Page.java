package dev.portcullis.database;

import dev.portcullis.errors.ValidationFailed;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page of a list, {@code {"data":[…],"next_cursor":…}}. Lists are ordered by creation time then
 * id; the cursor is the position of the last row returned, opaque to clients, so pages stay stable
 * while rows are added.
 */
@JsonbNillable
public record Page<T>(List<T> data, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Where a page starts: after this creation time and id. */
    public record Position(Instant createdAt, String id) {

        public static final Position START = new Position(Instant.EPOCH.minusMillis(1), "");

        public String encode() {
            String raw = createdAt.toEpochMilli() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        public static Position decode(String cursor) {
            if (cursor == null || cursor.isEmpty()) {
                return START;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                return new Position(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))), raw.substring(colon + 1));
            } catch (RuntimeException e) {
                throw new ValidationFailed("cursor", "cursor is not one this API returned");
            }
        }
    }

    /**
     * The {@code limit} query parameter. Taken as text: JAX-RS answers a parameter it cannot convert
     * with 404, which would tell a client with {@code ?limit=ten} that the list does not exist.
     */
    public static int limit(String requested) {
        if (requested == null || requested.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(requested);
        } catch (NumberFormatException notANumber) {
            limit = 0;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationFailed("limit", "limit must be a whole number between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /**
     * Reads the rows of one page: those of {@code type} matching {@code filter} (JPQL on alias
     * {@code e}, may be empty) after {@code after}, in creation order, one more than {@code limit}.
     */
    public static <E> List<E> fetch(EntityManager em, Class<E> type, String filter, Map<String, Object> parameters,
                                    Position after, int limit) {
        String where = filter.isEmpty() ? "" : filter + " and ";
        TypedQuery<E> query = em.createQuery("select e from " + type.getSimpleName() + " e where " + where
                + "(e.createdAt > :at or (e.createdAt = :at and e.id > :id)) order by e.createdAt, e.id", type);
        parameters.forEach(query::setParameter);
        return query.setParameter("at", after.createdAt()).setParameter("id", after.id())
                .setMaxResults(limit + 1).getResultList();
    }

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row, if present, only tells
     * that there is a next page.
     */
    public static <E, T> Page<T> of(List<E> fetched, int limit, Function<E, T> toJson, Function<E, Position> position) {
        boolean more = fetched.size() > limit;
        List<E> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? position.apply(rows.get(rows.size() - 1)).encode() : null;
        return new Page<>(rows.stream().map(toJson).toList(), next);
    }
}
