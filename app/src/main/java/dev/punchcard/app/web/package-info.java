/**
 * The HTTP server itself, below Spring WebFlux: fixes and settings of Reactor Netty that
 * every endpoint shares.
 */
@NullMarked
package dev.punchcard.app.web;

import org.jspecify.annotations.NullMarked;
