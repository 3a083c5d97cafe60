package dev.portcullis.files.control;

import dev.portcullis.Ids;
import dev.portcullis.access.Environment;
import dev.portcullis.database.Page;
import dev.portcullis.errors.NotFound;
import dev.portcullis.files.entity.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class Files {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public StoredFile store(String tenantId, Environment environment, String name, String contentType, String content,
                            String createdBy) {
        StoredFile file = new StoredFile(Ids.next("file"), tenantId, environment, name, contentType, content, createdBy,
                clock.instant());
        em.persist(file);
        return file;
    }

    /** Another tenant's or environment's file is simply not found. */
    public StoredFile get(String tenantId, Environment environment, String id) {
        StoredFile file = em.find(StoredFile.class, id);
        if (file == null || !file.isVisibleTo(tenantId, environment)) {
            throw new NotFound("File");
        }
        return file;
    }

    public List<StoredFile> page(String tenantId, Environment environment, Page.Position after, int limit) {
        return Page.fetch(em, StoredFile.class, "e.tenantId = :tenant and e.environment = :environment",
                Map.of("tenant", tenantId, "environment", environment.value()), after, limit);
    }

    public void delete(StoredFile file) {
        em.remove(file);
    }
}
