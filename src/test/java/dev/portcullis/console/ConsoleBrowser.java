package dev.portcullis.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One headless Chromium per test class, handed to each test as a {@link Console}. Tokens live only in
 * the page's memory, so a test starts signed out by opening the console again. After every test, passed
 * or failed, the page it ended on is saved under {@code target/console-screenshots/}. Where Chromium is
 * not installed the class is skipped, unless {@code CI} is set: there a missing browser is a failure.
 */
public final class ConsoleBrowser implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConsoleBrowser.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        var missing = Chromium.missing();
        if (missing.isPresent()) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI is set, so the console's browser tests must run, but " + missing.get());
            }
            Assumptions.abort("Browser tests skipped: " + missing.get());
        }
        String name = context.getRequiredTestClass().getSimpleName();
        Path profile = Files.createTempDirectory("portcullis-chromium-");
        ChromeDriver driver = Chromium.start(profile, SCREENSHOTS.resolve(name + ".chromedriver.log"), 1280, 1000);
        context.getStore(NAMESPACE).put("profile", profile);
        context.getStore(NAMESPACE).put("console", new Console(driver));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Console console = console(context);
        if (console != null) {
            console.screenshot(SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName() + "."
                    + context.getRequiredTestMethod().getName() + ".png"));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Console console = console(context);
        if (console != null) {
            console.driver().quit();
        }
        Path profile = context.getStore(NAMESPACE).get("profile", Path.class);
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Console.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return console(context);
    }

    private static Console console(ExtensionContext context) {
        ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
        return classContext.getStore(NAMESPACE).get("console", Console.class);
    }
}
