package dev.punchcard.core.analytics.application;

import java.time.LocalDate;
import java.time.ZoneId;

import dev.punchcard.core.analytics.domain.Grain;
import dev.punchcard.core.staff.domain.Role;
import org.jspecify.annotations.Nullable;

/**
 * A staff member asks for a report.
 *
 * @param from first local date
 * @param to last local date (included)
 * @param zone the zone the dates are read in
 * @param storeCode the store asked for, or null for all (a cashier's own when null)
 * @param grain the series' buckets
 * @param role who asks
 * @param homeStoreCode their home store (cashiers have one)
 */
public record AnalyticsRequest(LocalDate from, LocalDate to, ZoneId zone, @Nullable String storeCode, Grain grain,
		Role role, @Nullable String homeStoreCode) {
}
