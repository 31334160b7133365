package dev.punchcard.webhooks.whatsapp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the WhatsApp channel is configured: its access token is set (the
 * properties refuse a partial configuration at start-up).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnWhatsApp.AccessTokenGiven.class)
@interface ConditionalOnWhatsApp {

	/** The condition behind the annotation. */
	class AccessTokenGiven extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String token = context.getEnvironment().getProperty("punchcard.whatsapp.access-token");
			return WhatsAppProperties.given(token) ? ConditionOutcome.match("a WhatsApp access token is set")
					: ConditionOutcome.noMatch("no WhatsApp access token (punchcard.whatsapp.access-token)");
		}

	}

}
