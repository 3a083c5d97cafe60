-- One account per folded address and tenant; rows V6 could not fold keep NULL (and were reported).
CREATE UNIQUE INDEX users_tenant_email_key ON users (tenant_id, email_key);
