package io.cloudya.aiworker.provider;

/** The wire protocols Cloudya speaks, each through its Spring AI model module. */
public enum ProviderType {
    OPENAI, ANTHROPIC, OLLAMA
}
