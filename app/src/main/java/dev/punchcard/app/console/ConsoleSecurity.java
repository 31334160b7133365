package dev.punchcard.app.console;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The console's own security chain, tried before the API's: a session (kept in Redis by
 * Spring Session) instead of bearer tokens, CSRF on every unsafe request (forms send the
 * token as a field, htmx as the {@code X-CSRF-TOKEN} header), a redirect to the login
 * page instead of a 401. Every console path has an explicit rule; anything else under its
 * paths is denied. The API's chain is untouched and stays stateless.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

	/** The paths this chain answers; every other request goes on to the API's chain. */
	static final String[] PATHS = { "/", "/login", "/logout", "/console", "/console/**", "/webjars/htmx.org/**",
			"/webjars/html5-qrcode/**", "/webjars/chart.js/**" };

	private static final String ADMIN = "ADMIN";

	private static final String MARKETER = "MARKETER";

	private static final String CASHIER = "CASHIER";

	@Bean
	WebSessionServerSecurityContextRepository consoleSecurityContexts() {
		return new WebSessionServerSecurityContextRepository();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityWebFilterChain consoleSecurityWebFilterChain(ServerHttpSecurity http,
			WebSessionServerSecurityContextRepository contexts, ConsoleErrors errors) {
		RedirectServerLogoutSuccessHandler loggedOut = new RedirectServerLogoutSuccessHandler();
		loggedOut.setLogoutSuccessUrl(URI.create("/login?logout"));
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PATHS))
			.csrf((csrf) -> csrf.accessDeniedHandler(errors::denied))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			// the login form is posted to LoginController, which throttles like the API
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut))
			.securityContextRepository(contexts)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'self'; img-src 'self' data: blob:; "
						+ "media-src 'self' blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
						+ "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.authorizeExchange((exchange) -> exchange
				// open: the login page and what it needs
				.pathMatchers(HttpMethod.GET, "/login", "/console/language", "/console/assets/**",
						"/webjars/htmx.org/**", "/webjars/html5-qrcode/**", "/webjars/chart.js/**")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/login")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/logout")
				.authenticated()
				// everyone on staff: the start page, finding members and their records
				.pathMatchers(HttpMethod.GET, "/", "/console", "/console/members", "/console/members/*",
						"/console/members/*/ledger", "/console/members/*/purchases", "/console/members/*/vouchers",
						"/console/members/*/channels", "/console/leaderboard")
				.hasAnyRole(ADMIN, MARKETER, CASHIER)
				// CASHIER (and ADMIN): the till
				.pathMatchers(HttpMethod.GET, "/console/till", "/console/till/card")
				.hasAnyRole(ADMIN, CASHIER)
				.pathMatchers(HttpMethod.POST, "/console/till/purchases", "/console/till/refunds",
						"/console/till/vouchers")
				.hasAnyRole(ADMIN, CASHIER)
				// MARKETER (and ADMIN): the dashboard, segments, templates, broadcasts
				.pathMatchers(HttpMethod.GET, "/console/dashboard", "/console/segments", "/console/templates",
						"/console/broadcasts", "/console/broadcasts/*", "/console/broadcasts/*/progress")
				.hasAnyRole(ADMIN, MARKETER)
				.pathMatchers(HttpMethod.POST, "/console/segments", "/console/segments/preview",
						"/console/templates/whatsapp-sync", "/console/broadcasts/*/start",
						"/console/broadcasts/*/pause", "/console/broadcasts/*/resume", "/console/broadcasts/*/cancel")
				.hasAnyRole(ADMIN, MARKETER)
				// ADMIN: stores, staff, rewards, settings, the ledger check, imports
				.pathMatchers(HttpMethod.GET, "/console/stores", "/console/staff", "/console/rewards",
						"/console/rewards/*", "/console/settings", "/console/ledger", "/console/imports",
						"/console/imports/*", "/console/imports/*/progress", "/console/imports/*/rejections")
				.hasRole(ADMIN)
				.pathMatchers(HttpMethod.POST, "/console/stores", "/console/staff", "/console/staff/*/link-codes",
						"/console/rewards", "/console/rewards/*", "/console/ledger/check", "/console/imports")
				.hasRole(ADMIN)
				.anyExchange()
				.denyAll())
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint(new RedirectServerAuthenticationEntryPoint("/login"))
				.accessDeniedHandler(errors::denied))
			.build();
	}

}
