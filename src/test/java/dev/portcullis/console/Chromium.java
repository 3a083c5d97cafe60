package dev.portcullis.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Debian's ChromeDriver. Both are named by path, so Selenium
 * never runs Selenium Manager (which would look for, and download, a driver of its own). Each start
 * gets a fresh profile; the flags keep Chromium from every host but the ones it is sent to.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static final List<String> ARGUMENTS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            // Chromium's other calls home, and what a fresh profile would otherwise ask for.
            "--disable-client-side-phishing-detection", "--disable-domain-reliability", "--disable-breakpad",
            "--no-pings", "--no-default-browser-check", "--metrics-recording-only", "--password-store=basic",
            "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication",
            "--disable-dev-shm-usage");

    private Chromium() {
    }

    /** Why the browser tests cannot run here, if they cannot: {@code .ci/run} installs both packages. */
    static Optional<String> missing() {
        for (Path needed : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(needed)) {
                return Optional.of(needed + " is not installed (Debian packages chromium and chromium-driver)");
            }
        }
        return Optional.empty();
    }

    static ChromeDriver start(Path profile, Path driverLog, int width, int height) throws IOException {
        Files.createDirectories(profile);
        Files.createDirectories(driverLog.getParent());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(ARGUMENTS);
        options.addArguments("--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
        return new ChromeDriver(service, options);
    }
}
