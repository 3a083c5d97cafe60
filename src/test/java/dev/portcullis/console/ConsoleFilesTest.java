package dev.portcullis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the console's files must never contain, read from the source: the CSP would stop most of it in
 * the browser, and this says so before a browser does.
 */
class ConsoleFilesTest {

    private static final Path CONSOLE = Path.of("src", "main", "webapp", "console");

    /** Sinks that parse HTML or code, browser storage, and inline handlers or styles. */
    private static final Pattern FORBIDDEN_IN_SCRIPTS = Pattern.compile(
            "innerHTML|outerHTML\\s*=|insertAdjacentHTML|document\\.write|\\beval\\(|new Function|setTimeout\\(\\s*['\"`]"
                    + "|localStorage|sessionStorage|document\\.cookie|indexedDB|\\.style\\b|setAttribute\\(\\s*'(style|on\\w+)'");
    private static final Pattern FORBIDDEN_IN_PAGES = Pattern.compile("<script(?![^>]*\\bsrc=)|\\sstyle=|\\son\\w+=|<style");
    /** Anything loaded from elsewhere at run time; the SVG namespace is a name, not a place. */
    private static final Pattern ELSEWHERE = Pattern.compile("(https?:)?//(?!www\\.w3\\.org/2000/svg)[a-z0-9.-]+\\.[a-z]{2,}/", Pattern.CASE_INSENSITIVE);

    @Test
    void scriptsBuildThePageFromTextNeverFromHtmlAndStoreNothing() throws IOException {
        assertEquals(List.of(), offences("js", FORBIDDEN_IN_SCRIPTS));
    }

    @Test
    void pagesHaveNoInlineScriptStyleOrHandler() throws IOException {
        assertEquals(List.of(), offences("html", FORBIDDEN_IN_PAGES));
    }

    @Test
    void nothingIsLoadedFromAnotherHost() throws IOException {
        List<String> found = new ArrayList<>();
        for (String extension : List.of("html", "js", "css", "svg")) {
            found.addAll(offences(extension, ELSEWHERE));
        }
        assertEquals(List.of(), found);
    }

    /** Comments may name what the code avoids. */
    private static boolean isComment(String line) {
        String code = line.strip();
        return code.startsWith("//") || code.startsWith("*") || code.startsWith("/*");
    }

    private static List<String> offences(String extension, Pattern forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            for (Path file : files.filter(path -> path.toString().endsWith("." + extension)).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (!isComment(lines.get(i)) && forbidden.matcher(lines.get(i)).find()) {
                        found.add(CONSOLE.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }
}
