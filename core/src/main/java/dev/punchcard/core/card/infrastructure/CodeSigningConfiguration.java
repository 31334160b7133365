package dev.punchcard.core.card.infrastructure;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import dev.punchcard.core.card.domain.CodeSigner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CodeSigningConfiguration {

	@Bean
	CodeSigner codeSigner(CodeSigningProperties properties) {
		Map<Character, byte[]> keys = properties.keys()
			.entrySet()
			.stream()
			.filter((key) -> key.getKey().length() == 1)
			.collect(Collectors.toMap((key) -> key.getKey().charAt(0),
					(key) -> key.getValue().getBytes(StandardCharsets.UTF_8)));
		if (keys.size() != properties.keys().size()) {
			throw new IllegalArgumentException("punchcard.codes.keys: every key id must be one character");
		}
		return new CodeSigner(keys, properties.activeKey().charAt(0));
	}

}
