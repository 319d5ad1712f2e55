package io.cloudya.aiworker.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 search over the knowledge entries with Lucene, in memory: the index is built once at start from the
 * YAML (a few hundred entries at most) and searched read-only by every job thread. An entry is found by its
 * keywords, intent, command and explanation, stemmed English ("pods" meets "pod", "deleting" meets "delete").
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code k} entries most relevant to the question, best first (BM25); none when nothing is shared. */
    public List<KnowledgeMatch> retrieve(String question, int k) {
        if (question == null || question.isBlank() || k <= 0) {
            return List.of();
        }
        try {
            var query = new QueryParser(TEXT, analyzer).parse(QueryParser.escape(question));
            List<KnowledgeMatch> found = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, k).scoreDocs) {
                int position = searcher.storedFields().document(hit.doc).getField(POSITION).numericValue().intValue();
                found.add(new KnowledgeMatch(entries.get(position), java.util.Set.of(), hit.score));
            }
            return found;
        } catch (ParseException e) {
            // an escaped question only fails to parse when it has no terms at all (e.g. only stop words)
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
