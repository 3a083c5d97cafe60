/**
 * The admin console: a browser application under {@code /console/} that does everything through the
 * public HTTP API, signed in with a session or an admin key held in the page's memory only. The JAX-RS
 * application owns every path of the context root, so the servlet container's default servlet never
 * serves the WAR's files; {@link dev.portcullis.console.ConsoleResource} serves the console's own files
 * (and nothing else of the WAR), with a strict Content-Security-Policy. The console's code is in
 * {@code src/main/webapp/console}.
 */
package dev.portcullis.console;
