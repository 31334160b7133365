/**
 * Signed codes that QR codes carry (member cards, vouchers) and their rendering as QR
 * images. An HMAC makes them impossible to guess or forge; the key id inside each code
 * lets keys rotate.
 */
@NullMarked
package dev.punchcard.core.card.domain;

import org.jspecify.annotations.NullMarked;
