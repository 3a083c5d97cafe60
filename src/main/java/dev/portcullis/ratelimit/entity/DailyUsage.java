package dev.portcullis.ratelimit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One subject's requests on one UTC day. Counts only ever grow: several nodes may write the same row. */
@Entity
@Table(name = "usage_daily")
public class DailyUsage {

    @Id
    private String id;
    @Column(name = "subject_id")
    private String subjectId;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "usage_day")
    private long day;
    private long allowed;
    private long refused;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** When the subject was last admitted (that day or, carried over, before): where a key's last use is kept. */
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** Rows are written by the usage ledger with plain JDBC; the entity only reads them. */
    protected DailyUsage() {
    }

    public static String id(String subjectId, long epochDay) {
        return subjectId + "@" + epochDay;
    }

    public String subjectId() {
        return subjectId;
    }

    public String tenantId() {
        return tenantId;
    }

    public long day() {
        return day;
    }

    public LocalDate date() {
        return LocalDate.ofEpochDay(day);
    }

    public long allowed() {
        return allowed;
    }

    public long refused() {
        return refused;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
