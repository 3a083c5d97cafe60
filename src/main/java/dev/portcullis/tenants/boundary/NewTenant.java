package dev.portcullis.tenants.boundary;

public record NewTenant(String name, String plan) {
}
