package dev.punchcard.app.api;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many purchases one instance takes at once ({@code punchcard.purchase-intake}).
 *
 * @param maxInFlight purchases recorded at the same time on this instance; one more is
 * answered 503 with {@code Retry-After} at once, so that an overload is shed instead of
 * queued (a queue of thousands filled the heap and made the instance collect instead of
 * record; see BENCHMARKS.md)
 * @param retryAfterSeconds the {@code Retry-After} of that 503
 */
@Validated
@ConfigurationProperties("punchcard.purchase-intake")
public record PurchaseIntakeProperties(@Min(1) int maxInFlight, @Min(1) int retryAfterSeconds) {

}
