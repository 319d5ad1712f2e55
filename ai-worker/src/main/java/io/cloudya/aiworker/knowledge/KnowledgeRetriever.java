package io.cloudya.aiworker.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 search over the knowledge entries with Lucene, in memory: the index is built once at start from the
 * YAML (a few hundred entries at most) and searched read-only by every job thread. An entry is found by its
 * keywords, intent, command and explanation, stemmed English ("pods" meets "pod", "deleting" meets "delete").
 * The one retrieval mechanism: the prompt's top-k and the offline answerer's single entry both come from here.
 */
public final class KnowledgeRetriever {

    private static final String TEXT = "text";
    private static final String POSITION = "position";

    private final List<KnowledgeEntry> entries;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final IndexSearcher searcher;

    public KnowledgeRetriever(List<KnowledgeEntry> entries) {
        this.entries = List.copyOf(entries);
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < this.entries.size(); i++) {
                writer.addDocument(document(i, this.entries.get(i)));
            }
            writer.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code k} entries most relevant to the question, best first (BM25); none when nothing is shared. */
    public List<KnowledgeMatch> retrieve(String question, int k) {
        return search(question, k, 1);
    }

    /**
     * The entry that answers the question: the best-ranked one sharing at least {@code minSharedTerms} distinct
     * terms with it, so a lone "terraform" does not pick an arbitrary Terraform command. Ties go to the earlier
     * entry (Lucene orders equal scores by document, and documents are added in file order).
     */
    public Optional<KnowledgeMatch> best(String question, int minSharedTerms) {
        return search(question, 1, Math.max(1, minSharedTerms)).stream().findFirst();
    }

    private List<KnowledgeMatch> search(String question, int k, int minSharedTerms) {
        Set<String> terms = question == null ? Set.of() : terms(question);
        if (k <= 0 || terms.size() < minSharedTerms) {
            return List.of();
        }
        var query = new BooleanQuery.Builder().setMinimumNumberShouldMatch(minSharedTerms);
        // distinct terms: a word repeated in the question is not stronger evidence for an entry
        terms.forEach(t -> query.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD));
        try {
            List<KnowledgeMatch> found = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query.build(), k).scoreDocs) {
                int position = searcher.storedFields().document(hit.doc).getField(POSITION).numericValue().intValue();
                found.add(new KnowledgeMatch(entries.get(position), hit.score));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The question's terms as the index holds them: lower case, stop words gone, stemmed. */
    private Set<String> terms(String question) {
        Set<String> terms = new LinkedHashSet<>();
        try (var stream = analyzer.tokenStream(TEXT, question)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static Document document(int position, KnowledgeEntry entry) {
        var document = new Document();
        document.add(new StoredField(POSITION, position));
        // keywords twice: they are what the entry is about, the explanation only elaborates
        String text = String.join(" ", entry.keywords()) + " " + String.join(" ", entry.keywords()) + " "
                + entry.topic() + " " + entry.intent() + " " + entry.command() + " " + entry.explanation();
        document.add(new TextField(TEXT, text, Field.Store.NO));
        return document;
    }
}
