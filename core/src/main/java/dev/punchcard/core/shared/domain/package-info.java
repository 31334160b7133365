/**
 * Value types several features share: identifiers, money, points. Plain Java, no Spring,
 * no Reactor.
 */
@NullMarked
package dev.punchcard.core.shared.domain;

import org.jspecify.annotations.NullMarked;
