package dev.punchcard.bot.telegram;

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
 * Matches when {@code punchcard.telegram.token} is set and not blank.
 * {@code @ConditionalOnProperty} would match the empty value that
 * {@code ${TELEGRAM_BOT_TOKEN:}} yields when the variable is absent.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnTelegramToken.TokenCondition.class)
@interface ConditionalOnTelegramToken {

	/** The condition behind the annotation. */
	class TokenCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String token = context.getEnvironment().getProperty("punchcard.telegram.token");
			return TelegramProperties.enabled(token) ? ConditionOutcome.match("a Telegram bot token is set")
					: ConditionOutcome.noMatch("no Telegram bot token (punchcard.telegram.token)");
		}

	}

}
