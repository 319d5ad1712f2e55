package io.cloudya.aiworker.knowledge;

import io.cloudya.aiworker.provider.AnswerDraft;
import io.cloudya.aiworker.provider.AnswerProvider;
import io.cloudya.aiworker.provider.AnswerRequest;
import io.cloudya.aiworker.provider.AnswerStream;
import io.cloudya.contracts.ai.ProposedCommand;
import io.cloudya.contracts.ai.Risk;
import io.cloudya.contracts.command.ExecutionMode;
import java.util.List;
import java.util.Optional;

/**
 * Answers from the built-in knowledge table, with no network. It always answers, if only to say it has no
 * entry, so it sits last in the failover order, after every configured model provider. The entry is the
 * retriever's best one sharing at least {@code minSharedTerms} distinct terms with the question.
 */
public class OfflineKnowledgeProvider implements AnswerProvider {

    public static final String NAME = "offline-kb";

    private final KnowledgeBase knowledge;
    private final KnowledgeRetriever retriever;
    private final int minSharedTerms;

    public OfflineKnowledgeProvider(KnowledgeBase knowledge, KnowledgeRetriever retriever, int minSharedTerms) {
        this.knowledge = knowledge;
        this.retriever = retriever;
        this.minSharedTerms = minSharedTerms;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<AnswerDraft> answer(AnswerRequest request, AnswerStream stream) {
        AnswerDraft draft = retriever.best(request.userInput(), minSharedTerms)
                .map(match -> fromEntry(match.entry(), request))
                .orElseGet(this::noEntry);
        // the whole answer is known at once: one chunk, so streaming clients see the same text as the others
        stream.chunk(draft.response());
        return Optional.of(draft);
    }

    private AnswerDraft fromEntry(KnowledgeEntry entry, AnswerRequest request) {
        String command = CommandTemplate.fill(entry, request.userInput());
        if (request.executionMode() == ExecutionMode.EXPLAIN) {
            // explain mode proposes nothing runnable: the command appears only as text to read
            String text = entry.intent() + ". " + entry.explanation() + " The usual command is: " + command;
            return new AnswerDraft(text, List.of(), knowledge.model());
        }
        var proposed = new ProposedCommand(command, entry.intent(), entry.risk(), entry.reason(),
                entry.risk() != Risk.SAFE);
        return new AnswerDraft(entry.explanation(), List.of(proposed), knowledge.model());
    }

    private AnswerDraft noEntry() {
        String text = "The offline knowledge base has no entry for that request. It covers: "
                + String.join(", ", knowledge.topics())
                + ". Try naming the tool and the action, for example \"list pods in namespace web\".";
        return new AnswerDraft(text, List.of(), knowledge.model());
    }
}
