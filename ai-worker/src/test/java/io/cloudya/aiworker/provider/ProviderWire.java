package io.cloudya.aiworker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Response bodies exactly as each provider streams them on the wire. */
final class ProviderWire {

    static final String OPENAI_PATH = "/v1/chat/completions";
    static final String ANTHROPIC_PATH = "/v1/messages";
    static final String OLLAMA_PATH = "/api/chat";

    /** A model's answer as streamed: prose, then the commands block, split mid-fence like real deltas. */
    static final String[] ANSWER = {"Lists the pods ", "in namespace web.\n\n```commands\n",
            "kubectl get pods -n web # List the pods\n```\n"};

    private ProviderWire() {
    }

    /** OpenAI chat completions, {@code stream: true}: SSE {@code data:} chunks, then {@code data: [DONE]}. */
    static String openAiSse(String... deltas) {
        String chunks = Arrays.stream(deltas).map(d -> "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1767225600,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                + json(d) + "},\"finish_reason\":null}]}\n\n").collect(Collectors.joining());
        return chunks + "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1767225600,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
    }

    /** An OpenAI stream that breaks after its first chunk (the connection delivers garbage, no [DONE]). */
    static String openAiBrokenSse(String firstDelta) {
        String first = openAiSse(firstDelta);
        return first.substring(0, first.indexOf("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1767225600,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{}"))
                + "data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"kub\n\n";
    }

    /** Anthropic messages, {@code stream: true}: SSE events message_start … content_block_delta … message_stop. */
    static String anthropicSse(String... deltas) {
        StringBuilder body = new StringBuilder()
                .append(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":"
                        + "\"message\",\"role\":\"assistant\",\"model\":\"claude-test\",\"content\":[],\"stop_reason\":"
                        + "null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}"))
                .append(event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        for (String delta : deltas) {
            body.append(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + json(delta) + "}}"));
        }
        return body.append(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"))
                .append(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":15}}"))
                .append(event("message_stop", "{\"type\":\"message_stop\"}"))
                .toString();
    }

    /** Ollama {@code /api/chat}, streaming: one JSON object per line (NDJSON), the last with done=true. */
    static String ollamaNdjson(String... deltas) {
        String lines = Arrays.stream(deltas).map(d -> "{\"model\":\"llama3.2\",\"created_at\":\"2026-01-01T00:00:00Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":" + json(d) + "},\"done\":false}\n")
                .collect(Collectors.joining());
        return lines + "{\"model\":\"llama3.2\",\"created_at\":\"2026-01-01T00:00:01Z\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":1000,"
                + "\"prompt_eval_count\":12,\"eval_count\":15}\n";
    }

    /** A 200 streaming response with the given content type and body. */
    static ResponseDefinitionBuilder streaming(String contentType, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(body);
    }

    private static String event(String type, String data) {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
