package dev.punchcard.app.console;

import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives every console template {@code #fmt}: a {@link ConsoleFormat} in the page's
 * language, the one way pages write counts, points and money.
 */
@Component
class ConsoleDialect extends AbstractDialect implements IExpressionObjectDialect {

	static final String NAME = "fmt";

	private final MessageSource messages;

	ConsoleDialect(MessageSource messages) {
		super("punchcard-console");
		this.messages = messages;
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return new ConsoleFormat(ConsoleDialect.this.messages, context.getLocale());
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

}
