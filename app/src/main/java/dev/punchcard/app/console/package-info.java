/**
 * The staff web console at {@code /}: server-rendered pages (Thymeleaf, htmx) over the
 * same use cases as the HTTP API, one use case per handler, with a session kept in Redis
 * (so any instance serves any request), form login with the API's throttling, CSRF on
 * every form and htmx request, and messages in English and Russian. It holds no rules of
 * its own: the use cases decide, the pages render their outcomes.
 */
@NullMarked
package dev.punchcard.app.console;

import org.jspecify.annotations.NullMarked;
