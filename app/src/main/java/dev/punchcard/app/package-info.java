/**
 * The composition root: the Spring Boot application that wires core, bot and webhooks
 * together. Business rules do not live here.
 */
@NullMarked
package dev.punchcard.app;

import org.jspecify.annotations.NullMarked;
