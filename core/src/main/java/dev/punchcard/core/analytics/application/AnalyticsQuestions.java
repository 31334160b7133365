package dev.punchcard.core.analytics.application;

import java.util.function.Function;

import dev.punchcard.core.analytics.domain.AnalyticsQuery;
import dev.punchcard.core.staff.domain.Role;
import dev.punchcard.core.store.application.Stores;
import reactor.core.publisher.Mono;

/**
 * Turns a request into the question a report answers, once for every report: the range
 * must run forwards and be at most {@link AnalyticsQuery#MAX_DAYS} days; administrators
 * and marketers see any store or all, a cashier only their own store (theirs when they
 * name none).
 */
final class AnalyticsQuestions {

	private final Stores stores;

	AnalyticsQuestions(Stores stores) {
		this.stores = stores;
	}

	<R> Mono<AnalyticsOutcome<R>> answer(AnalyticsRequest request, Function<AnalyticsQuery, Mono<R>> report) {
		if (request.to().isBefore(request.from())) {
			return Mono.just(new AnalyticsOutcome.Invalid<>("to",
					"to (" + request.to() + ") must not be before from (" + request.from() + ")."));
		}
		if (AnalyticsQuery.days(request.from(), request.to()) > AnalyticsQuery.MAX_DAYS) {
			return Mono.just(new AnalyticsOutcome.Invalid<>("to", "The range from " + request.from() + " to "
					+ request.to() + " is longer than " + AnalyticsQuery.MAX_DAYS + " days."));
		}
		String storeCode = storeAskedFor(request);
		if (request.role() == Role.CASHIER && (storeCode == null || !storeCode.equals(request.homeStoreCode()))) {
			return Mono.just(new AnalyticsOutcome.Forbidden<>("A cashier sees the analytics of their own store only."));
		}
		if (storeCode == null) {
			return answered(new AnalyticsQuery(request.from(), request.to(), request.zone(), null, request.grain()),
					report);
		}
		return this.stores.findByCode(storeCode)
			.flatMap((store) -> answered(
					new AnalyticsQuery(request.from(), request.to(), request.zone(), store.id(), request.grain()),
					report))
			.switchIfEmpty(Mono.fromSupplier(() -> new AnalyticsOutcome.Invalid<>("store",
					"There is no store with the code " + storeCode + ".")));
	}

	private static @org.jspecify.annotations.Nullable String storeAskedFor(AnalyticsRequest request) {
		if (request.storeCode() == null && request.role() == Role.CASHIER) {
			return request.homeStoreCode();
		}
		return request.storeCode();
	}

	private static <R> Mono<AnalyticsOutcome<R>> answered(AnalyticsQuery query,
			Function<AnalyticsQuery, Mono<R>> report) {
		return report.apply(query).map((answer) -> new AnalyticsOutcome.Answered<>(query, answer));
	}

}
