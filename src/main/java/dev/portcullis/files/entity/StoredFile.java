package dev.portcullis.files.entity;

import dev.portcullis.access.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

@Entity
@Table(name = "files")
public class StoredFile {

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String environment;
    private String name;
    @Column(name = "content_type")
    private String contentType;
    private String content;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected StoredFile() {
    }

    public StoredFile(String id, String tenantId, Environment environment, String name, String contentType, String content,
                      String createdBy, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.environment = environment.value();
        this.name = name;
        this.contentType = contentType;
        this.content = content;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Visible only to credentials of its tenant and its environment. */
    public boolean isVisibleTo(String tenantId, Environment environment) {
        return this.tenantId.equals(tenantId) && this.environment.equals(environment.value());
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String environment() {
        return environment;
    }

    public String name() {
        return name;
    }

    public String contentType() {
        return contentType;
    }

    public String content() {
        return content;
    }

    public long size() {
        return content.getBytes(StandardCharsets.UTF_8).length;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
