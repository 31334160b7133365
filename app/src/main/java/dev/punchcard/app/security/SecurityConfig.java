package dev.punchcard.app.security;

import java.util.Collection;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Mono;

/**
 * Every endpoint has an explicit rule; anything not listed is denied. Staff authenticate
 * with bearer tokens from {@code POST /api/v1/auth/token}; webhooks authenticate by their
 * own signatures.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

	private static final String ADMIN = "ADMIN";

	private static final String MARKETER = "MARKETER";

	private static final String CASHIER = "CASHIER";

	/**
	 * Chat platforms' webhooks: open to anyone at this layer, because each endpoint
	 * checks its platform's secret token or signature itself (in constant time) before
	 * anything is stored. A chain of their own keeps the bearer-token machinery off the
	 * busiest path.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain webhookSecurityWebFilterChain(ServerHttpSecurity http) {
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/webhooks/**"))
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange((exchange) -> exchange.anyExchange().permitAll())
			.build();
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
			ProblemResponses problems) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// stateless: no session to keep a context or a request to replay after login
			// in (the default
			// request cache looked up a web session on every request)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.authorizeExchange((exchange) -> exchange
				// first, as the busiest (matchers are tried in order; these overlap no
				// other):
				// CASHIER (and ADMIN) at the till
				.pathMatchers(HttpMethod.POST, "/api/v1/purchases", "/api/v1/purchases/*/refunds",
						"/api/v1/purchases:batch")
				.hasAnyRole(ADMIN, CASHIER)
				.pathMatchers(HttpMethod.GET, "/api/v1/cards/*")
				.hasAnyRole(ADMIN, CASHIER)
				// open: login, health, API docs; webhooks check their own signatures
				.pathMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
						"/webjars/**")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/actuator/prometheus")
				.hasRole(ADMIN)
				// ADMIN: stores, staff, rewards, ledger
				.pathMatchers("/api/v1/stores", "/api/v1/stores/**")
				.hasRole(ADMIN)
				.pathMatchers("/api/v1/staff", "/api/v1/staff/**")
				.hasRole(ADMIN)
				.pathMatchers(HttpMethod.GET, "/api/v1/rewards", "/api/v1/rewards/**")
				.hasAnyRole(ADMIN, MARKETER, CASHIER)
				.pathMatchers("/api/v1/rewards", "/api/v1/rewards/**")
				.hasRole(ADMIN)
				.pathMatchers("/api/v1/ledger/**")
				.hasRole(ADMIN)
				// ADMIN: CSV imports of members and purchases, their progress and
				// rejections
				.pathMatchers(HttpMethod.POST, "/api/v1/imports/members", "/api/v1/imports/purchases")
				.hasRole(ADMIN)
				.pathMatchers(HttpMethod.GET, "/api/v1/imports", "/api/v1/imports/*", "/api/v1/imports/*/rejections")
				.hasRole(ADMIN)
				.pathMatchers(HttpMethod.POST, "/api/v1/customers/*/adjustments", "/api/v1/customers/*/card/reissue")
				.hasRole(ADMIN)
				// ADMIN and MARKETER: segments (who a marketer reaches) and the recompute
				// of
				// the scores they read
				.pathMatchers(HttpMethod.POST, "/api/v1/segments", "/api/v1/segments/preview",
						"/api/v1/segments/scores:recompute")
				.hasAnyRole(ADMIN, MARKETER)
				.pathMatchers(HttpMethod.GET, "/api/v1/segments", "/api/v1/segments/*")
				.hasAnyRole(ADMIN, MARKETER)
				.pathMatchers(HttpMethod.PUT, "/api/v1/segments/*")
				.hasAnyRole(ADMIN, MARKETER)
				.pathMatchers(HttpMethod.DELETE, "/api/v1/segments/*")
				.hasAnyRole(ADMIN, MARKETER)
				// analytics: administrators and marketers for any store, cashiers for
				// their own
				// (the use case refuses other stores)
				.pathMatchers(HttpMethod.GET, "/api/v1/analytics/*")
				.hasAnyRole(ADMIN, MARKETER, CASHIER)
				// every role: the weekly leaderboard, and one member's place on it
				.pathMatchers(HttpMethod.GET, "/api/v1/leaderboard", "/api/v1/customers/*/leaderboard")
				.hasAnyRole(ADMIN, MARKETER, CASHIER)
				// ADMIN and MARKETER: how messages to a member went
				.pathMatchers(HttpMethod.GET, "/api/v1/customers/*/notifications")
				.hasAnyRole(ADMIN, MARKETER)
				// ADMIN and MARKETER: message templates (list, show, sync, preview,
				// Telegram's CRUD)
				.pathMatchers(HttpMethod.GET, "/api/v1/templates", "/api/v1/templates/*")
				.hasAnyRole(ADMIN, MARKETER)
				.pathMatchers(HttpMethod.POST, "/api/v1/templates/whatsapp:sync", "/api/v1/templates/*/preview",
						"/api/v1/templates/telegram")
				.hasAnyRole(ADMIN, MARKETER)
				.pathMatchers(HttpMethod.PUT, "/api/v1/templates/telegram/*")
				.hasAnyRole(ADMIN, MARKETER)
				.pathMatchers(HttpMethod.DELETE, "/api/v1/templates/telegram/*")
				.hasAnyRole(ADMIN, MARKETER)
				// ADMIN and MARKETER: broadcasts (create, start, pause, resume, cancel,
				// their
				// progress and recipients)
				.pathMatchers(HttpMethod.POST, "/api/v1/broadcasts", "/api/v1/broadcasts/*/start",
						"/api/v1/broadcasts/*/pause", "/api/v1/broadcasts/*/resume", "/api/v1/broadcasts/*/cancel")
				.hasAnyRole(ADMIN, MARKETER)
				.pathMatchers(HttpMethod.GET, "/api/v1/broadcasts", "/api/v1/broadcasts/*",
						"/api/v1/broadcasts/*/recipients")
				.hasAnyRole(ADMIN, MARKETER)
				// CASHIER (and ADMIN): tills
				.pathMatchers(HttpMethod.POST, "/api/v1/vouchers/*/honour", "/api/v1/vouchers/*/cancel")
				.hasAnyRole(ADMIN, CASHIER)
				.pathMatchers(HttpMethod.POST, "/api/v1/customers", "/api/v1/customers/*/redemptions")
				.hasAnyRole(ADMIN, CASHIER)
				// everyone on staff: customer read models
				.pathMatchers(HttpMethod.GET, "/api/v1/customers/*", "/api/v1/customers/*/ledger",
						"/api/v1/customers/*/card.png")
				.hasAnyRole(ADMIN, MARKETER, CASHIER)
				.anyExchange()
				.denyAll())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(SecurityConfig::authentication))
				.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.build();
	}

	/**
	 * Requests the firewall refuses are answered with problem+json like every other
	 * error.
	 */
	@Bean
	ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemResponses problems) {
		return problems::rejected;
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(StaffTokens tokens) {
		return tokens.decoder();
	}

	private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
		return Mono.just(new JwtAuthenticationToken(jwt, ROLES_OF.convert(jwt), jwt.getSubject()));
	}

	private static final Converter<Jwt, Collection<GrantedAuthority>> ROLES_OF = (jwt) -> {
		List<String> roles = jwt.getClaimAsStringList(StaffTokens.ROLES);
		return roles == null ? List.of()
				: roles.stream().map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
	};

}
