/**
 * CSV imports as values: the kinds and states of an import, a file's header and lines,
 * and the rules that turn a line into a member or a purchase row, or refuse it with a
 * reason. Plain Java: no Spring, no Reactor, no CSV library.
 */
@NullMarked
package dev.punchcard.core.imports.domain;

import org.jspecify.annotations.NullMarked;
