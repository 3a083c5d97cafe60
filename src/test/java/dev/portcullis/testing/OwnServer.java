package dev.portcullis.testing;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server of one test class's own, for settings the shared server cannot have: started on an empty
 * database before the class's first test, stopped after its last. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class OwnServer implements BeforeAllCallback, AfterAllCallback {

    private final String name;
    private final Map<String, String> settings;
    private PayaraMicro server;
    private String printedAdminKey;

    private OwnServer(String name, Map<String, String> settings) {
        this.name = name;
        this.settings = settings;
    }

    public static OwnServer withSettings(String name, Map<String, String> settings) {
        return new OwnServer(name, settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = PayaraMicro.start(name, TestDatabase.freshWith(name, settings));
        printedAdminKey = server.printedAdminKey().orElse(null);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    public PayaraMicro server() {
        return server;
    }

    /** The platform-admin key the server printed at its first start, or null if it printed none. */
    public String printedAdminKey() {
        return printedAdminKey;
    }

    /** A client acting with the printed platform-admin key. */
    public Portcullis portcullis() {
        return new Portcullis(server, printedAdminKey);
    }
}
