package dev.portcullis.client;

import java.util.List;

/** Requests allowed and refused per subject (key or user) per UTC day. */
public record Usage(String tenantId, String from, String to, List<Day> data) {

    public record Day(String subjectId, String subjectType, String day, long allowed, long refused) {
    }
}
