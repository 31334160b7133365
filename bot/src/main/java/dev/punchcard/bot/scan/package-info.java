/**
 * Reading a loyalty card's QR code from a customer's photo, for the {@code /scan}
 * command.
 * <p>
 * Owns the bounded image loading and the ordered, time-boxed ZXing decoding pipeline. It
 * knows nothing about chats, customers or Spring: it turns bytes into the encoded text or
 * into nothing, and never throws for bad input.
 */
@org.jspecify.annotations.NullMarked
package dev.punchcard.bot.scan;
