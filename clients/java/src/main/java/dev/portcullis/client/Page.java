package dev.portcullis.client;

import java.util.List;

/** One page of a list; {@code nextCursor} null on the last. */
public record Page<T>(List<T> data, String nextCursor) {
}
