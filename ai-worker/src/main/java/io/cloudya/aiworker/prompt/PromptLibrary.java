package io.cloudya.aiworker.prompt;

import io.cloudya.aiworker.knowledge.KnowledgeEntry;
import io.cloudya.aiworker.knowledge.KnowledgeMatch;
import io.cloudya.aiworker.knowledge.KnowledgeRetriever;
import io.cloudya.aiworker.provider.AnswerRequest;
import io.cloudya.aiworker.provider.PromptFactory;
import io.cloudya.contracts.command.ChatTurn;
import io.cloudya.contracts.command.ExecutionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.chat.prompt.PromptTemplate;
import org.springframework.core.io.ClassPathResource;

/**
 * Builds the prompt from the templates in {@code prompts/*.st}: the system rules with the execution mode, the
 * chat's earlier turns as the model's own user/assistant messages, and the question with the knowledge entries
 * most relevant to it (BM25 top-k). The model is told the answer format; it is never trusted with safety, which
 * the validator decides afterwards from the command text.
 */
public class PromptLibrary implements PromptFactory {

    private final PromptTemplate system = new PromptTemplate(new ClassPathResource("prompts/system.st"));
    private final PromptTemplate user = new PromptTemplate(new ClassPathResource("prompts/user.st"));
    private final KnowledgeRetriever retriever;
    private final int topK;

    public PromptLibrary(KnowledgeRetriever retriever, int topK) {
        this.retriever = retriever;
        this.topK = topK;
    }

    @Override
    public Prompt prompt(AnswerRequest request) {
        List<KnowledgeMatch> matches = retriever.retrieve(request.userInput(), topK);
        Message systemMessage = new SystemMessage(system.render(Map.of(
                "mode", request.executionMode().name().toLowerCase(Locale.ROOT),
                "modeRule", modeRule(request.executionMode()))));
        Message userMessage = new UserMessage(user.render(Map.of(
                "knowledge", knowledge(matches),
                "question", request.userInput())));
        List<Message> messages = new ArrayList<>();
        messages.add(systemMessage);
        // an empty turn says nothing, and Anthropic rejects empty messages
        request.history().stream().filter(t -> t.content() != null && !t.content().isBlank())
                .map(PromptLibrary::turn).forEach(messages::add);
        messages.add(userMessage);
        return new Prompt(messages);
    }

    /**
     * Only {@code assistant} turns become assistant messages; any other role is the user's words, so text stored
     * in a conversation can never reach the model with the system prompt's authority.
     */
    private static Message turn(ChatTurn turn) {
        return ChatTurn.ASSISTANT.equals(turn.role())
                ? new AssistantMessage(turn.content()) : new UserMessage(turn.content());
    }

    private static String modeRule(ExecutionMode mode) {
        return switch (mode) {
            case EXPLAIN -> "Explain only. Do not add a commands block.";
            case SUGGEST -> "Propose the commands for the user to review.";
            case EXECUTE -> "The user may run safe commands directly; propose exactly what should run.";
        };
    }

    private static String knowledge(List<KnowledgeMatch> matches) {
        if (matches.isEmpty()) {
            return "(no matching entries)";
        }
        return matches.stream().map(KnowledgeMatch::entry).map(PromptLibrary::entry)
                .collect(Collectors.joining("\n"));
    }

    private static String entry(KnowledgeEntry e) {
        return "- [" + e.topic() + "] " + e.intent() + ": `" + e.command() + "` (" + e.risk().wireName() + ") "
                + e.explanation();
    }
}
