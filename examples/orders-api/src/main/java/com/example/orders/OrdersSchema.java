package com.example.orders;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates this application's tables in Portcullis's database, with a history table of its own so that
 * its versions never meet Portcullis's. After Portcullis's own migrations (observer priority 0).
 */
@ApplicationScoped
public class OrdersSchema {

    @Resource(lookup = "java:app/jdbc/portcullis")
    DataSource dataSource;

    void migrate(@Observes @Priority(100) @Initialized(ApplicationScoped.class) Object started) {
        Flyway.configure(OrdersSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table("orders_schema_history")
                .locations("classpath:db/orders")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
