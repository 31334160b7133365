package dev.punchcard.app.api;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Ids in paths and query strings are canonical UUIDs or a 400. Spring's own converter
 * turns a blank id into null (and a required path variable that is null into a 500) and
 * accepts odd shapes such as {@code 1-2-3-4-5}; this one accepts exactly the 36
 * characters {@code 8-4-4-4-12} hex digits, in either case, and refuses everything else.
 */
@Configuration(proxyBeanMethods = false)
class StrictUuids implements WebFluxConfigurer {

	private static final Pattern CANONICAL = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	@Override
	public void addFormatters(FormatterRegistry registry) {
		// added last, so it wins over the default String -> UUID converter
		registry.addConverter(String.class, UUID.class, StrictUuids::parse);
	}

	static UUID parse(String text) {
		if (!CANONICAL.matcher(text).matches()) {
			throw new IllegalArgumentException("not a UUID");
		}
		return UUID.fromString(text);
	}

}
