package com.example.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An order (not named Order: a JPQL keyword) belongs to the tenant and environment (live or test) of the credential that placed it. */
@Entity
@Table(name = "orders")
public class PurchaseOrder {

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String environment;
    private String item;
    private int quantity;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected PurchaseOrder() {
    }

    public PurchaseOrder(String id, String tenantId, String environment, String item, int quantity, String createdBy, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.environment = environment;
        this.item = item;
        this.quantity = quantity;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public boolean isVisibleTo(String tenantId, String environment) {
        return this.tenantId.equals(tenantId) && this.environment.equals(environment);
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String item() {
        return item;
    }

    public int quantity() {
        return quantity;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
